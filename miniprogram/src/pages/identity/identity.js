// Real-name verification before the first withdrawal; afterwards only the masked name and ID show.
const api = require('../../utils/api');
const { idNumberProblem } = require('../../utils/idcard');
const { errorState, toast } = require('../../utils/page');

Component({
  data: { loading: true, error: null, identity: null, realName: '', idNumber: '', busy: false, formError: '' },
  methods: {
    onLoad() {
      return this.load();
    },
    async load() {
      this.setData({ loading: true, error: null });
      try {
        this.setData({ identity: await api.identity(), loading: false });
      } catch (e) {
        this.setData({ loading: false, error: errorState(e) });
      }
    },
    onName(e) {
      this.setData({ realName: e.detail.value, formError: '' });
    },
    onIdNumber(e) {
      this.setData({ idNumber: e.detail.value, formError: '' });
    },
    async submit() {
      const realName = (this.data.realName || '').trim();
      const idNumber = (this.data.idNumber || '').trim().toUpperCase();
      if (!realName) return this.setData({ formError: '请填写真实姓名' });
      const problem = idNumberProblem(idNumber);
      if (problem) return this.setData({ formError: problem });
      this.setData({ busy: true, formError: '' });
      try {
        const r = await api.verifyIdentity(realName, idNumber);
        // the full number leaves the page's memory at once; only the masked form stays
        this.setData({ identity: r, realName: '', idNumber: '' });
        toast('认证成功');
      } catch (e) {
        this.setData({ formError: api.problemText(e) });
      } finally {
        this.setData({ busy: false });
      }
      return undefined;
    },
    toWithdraw() {
      wx.redirectTo({ url: '/pages/withdraw/withdraw' });
    },
  },
});
