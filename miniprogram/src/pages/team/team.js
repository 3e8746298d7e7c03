// My team: level 1 (my invitees) and level 2 (their invitees), never more (SPEC §2.1).
const api = require('../../utils/api');
const { createPager, PAGER_DATA } = require('../../utils/pager');
const { day } = require('../../utils/format');

Component({
  data: Object.assign({ level: '1' }, PAGER_DATA),
  methods: {
    onLoad(query) {
      this.setData({ level: query && query.level === '2' ? '2' : '1' });
      this.pager = createPager(this, (cursor) => api.team(this.data.level, cursor),
        (m) => Object.assign({}, m, { joined: day(m.joinedAt) }));
      return this.pager.refresh();
    },
    onPullDownRefresh() {
      return this.pager.refresh().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      return this.pager.more();
    },
    switchLevel(e) {
      const level = e.currentTarget.dataset.level;
      if (level === this.data.level) return undefined;
      this.setData({ level, items: [], nextCursor: null, loaded: false });
      return this.pager.refresh();
    },
    retry() {
      return this.pager.refresh();
    },
  },
});
