// One commission: its order, masked buyer, level, rate and items (when the server sends them), state,
// and expected release date. Opened from the list (kept in memory); opened cold, it looks the id up.
const api = require('../../utils/api');
const commissions = require('../../utils/commissions');
const { errorState } = require('../../utils/page');

Component({
  data: { c: null, error: null, loading: true },
  methods: {
    onLoad(query) {
      this.id = query && query.id;
      return this.load();
    },
    async load() {
      const cached = commissions.byId(this.id);
      if (cached) {
        this.setData({ c: cached, loading: false, error: null });
        return;
      }
      this.setData({ loading: true, error: null });
      try {
        let cursor = null;
        for (let i = 0; i < 5; i++) {
          const r = await api.commissions(null, cursor, 100);
          (r.items || []).forEach(commissions.view);
          if (commissions.byId(this.id) || !r.nextCursor) break;
          cursor = r.nextCursor;
        }
        const c = commissions.byId(this.id);
        if (!c) throw new api.ApiError(404, { detail: '未找到这笔佣金', code: 'NOT_FOUND' });
        this.setData({ c, loading: false });
      } catch (e) {
        this.setData({ loading: false, error: errorState(e) });
      }
    },
  },
});
