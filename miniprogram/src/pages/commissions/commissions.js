// My commissions, newest first, filtered by state; pull to refresh, more at the bottom.
const api = require('../../utils/api');
const commissions = require('../../utils/commissions');
const { createPager, PAGER_DATA } = require('../../utils/pager');

const FILTERS = [
  { value: '', label: '全部' },
  { value: 'PENDING', label: '待结算' },
  { value: 'AVAILABLE', label: '可提现' },
  { value: 'WITHDRAWN', label: '已提现' },
  { value: 'CANCELLED', label: '已取消' },
];

Component({
  data: Object.assign({ status: '', filters: FILTERS }, PAGER_DATA),
  methods: {
    onLoad() {
      this.pager = createPager(this, (cursor) => api.commissions(this.data.status, cursor), commissions.view);
      return this.pager.refresh();
    },
    onPullDownRefresh() {
      return this.pager.refresh().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      return this.pager.more();
    },
    filter(e) {
      this.setData({ status: e.currentTarget.dataset.status, items: [], nextCursor: null, loaded: false });
      return this.pager.refresh();
    },
    open(e) {
      wx.navigateTo({ url: '/pages/commission/commission?id=' + e.currentTarget.dataset.id });
    },
    retry() {
      return this.pager.refresh();
    },
  },
});
