// My withdrawals, newest first; one waiting for my confirmation says so.
const api = require('../../utils/api');
const withdrawals = require('../../utils/withdrawals');
const { createPager, PAGER_DATA } = require('../../utils/pager');

Component({
  data: Object.assign({}, PAGER_DATA),
  methods: {
    onShow() {
      if (!this.pager) this.pager = createPager(this, (cursor) => api.withdrawals(cursor), withdrawals.view);
      return this.pager.refresh();
    },
    onPullDownRefresh() {
      return this.pager.refresh().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      return this.pager.more();
    },
    open(e) {
      wx.navigateTo({ url: '/pages/withdrawal/withdrawal?id=' + e.currentTarget.dataset.id });
    },
    retry() {
      return this.pager.refresh();
    },
  },
});
