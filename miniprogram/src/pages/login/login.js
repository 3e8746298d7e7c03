// Login: the agreement in force (GET /api/v1/auth/agreement) is shown and must be accepted; then
// wx.login → POST /api/v1/auth/login with that version. An invite from the entry travels with it.
const api = require('../../utils/api');
const auth = require('../../utils/auth');
const invite = require('../../utils/invite');
const session = require('../../utils/session');
const { when } = require('../../utils/format');
const { errorState, toast } = require('../../utils/page');

Component({
  data: {
    loading: true,
    error: null,
    agreement: null,
    effective: '',
    agreed: false,
    showText: true,
    invite: null,
    busy: false,
    formError: '',
  },
  methods: {
    onLoad(query) {
      invite.remember(invite.inviteFromOptions(query));
      return this.load();
    },
    async load() {
      this.setData({ loading: true, error: null, invite: invite.pending() });
      try {
        const a = await api.agreement();
        const accepted = session.agreedVersion() === a.version;
        this.setData({
          loading: false, agreement: a, effective: when(a.effectiveAt), agreed: accepted, showText: !accepted,
        });
      } catch (e) {
        this.setData({ loading: false, error: errorState(e) });
      }
    },
    toggleAgree() {
      this.setData({ agreed: !this.data.agreed, formError: '' });
    },
    onAgreeChange(e) {
      this.setData({ agreed: (e.detail.value || []).length > 0, formError: '' });
    },
    showAgreement() {
      this.setData({ showText: true });
    },
    async login() {
      if (!this.data.agreed) {
        this.setData({ formError: '请先阅读并同意《推广员协议》', showText: true });
        return;
      }
      this.setData({ busy: true, formError: '' });
      try {
        const r = await auth.login({ agreementVersion: this.data.agreement.version });
        toast(r.message || '登录成功');
        wx.reLaunch({ url: '/pages/index/index' });
      } catch (e) {
        this.setData({ formError: api.problemText(e) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
