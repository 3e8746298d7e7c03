// Wallet: pending (待结算), settled but held for review (已结算), available (可提现), being withdrawn
// (提现中), withdrawn (已提现) and any debt from refunds after settlement; real-name state; withdrawals
// waiting for the member's confirmation are offered here.
const api = require('../../utils/api');
const withdrawals = require('../../utils/withdrawals');
const { money } = require('../../utils/format');
const { errorState } = require('../../utils/page');

Component({
  data: { loading: true, error: null, w: null, identity: null, waiting: [], settled: '' },
  methods: {
    onShow() {
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ loading: true, error: null });
      try {
        const [w, identity, list, settled] = await Promise.all([
          api.wallet(), api.identity(), api.withdrawals(null, 20),
          api.commissions('SETTLED', null, 100).catch(() => null),
        ]);
        let settledText = '';
        if (settled) {
          const sum = (settled.items || []).reduce((acc, c) => acc + Number(c.amountFen || 0), 0);
          settledText = (settled.nextCursor ? '≥ ' : '') + money(sum);
        }
        this.setData({
          loading: false,
          w: {
            pending: money(w.pendingFen), available: money(w.availableFen), frozen: money(w.frozenFen),
            withdrawn: money(w.withdrawnFen), debt: money(w.debtFen), hasDebt: Number(w.debtFen) > 0,
          },
          identity,
          settled: settledText,
          waiting: (list.items || []).map(withdrawals.view).filter((x) => x.needsConfirmation),
        });
      } catch (e) {
        this.setData({ loading: false, error: errorState(e) });
      }
    },
    toWithdraw() {
      const verified = this.data.identity && this.data.identity.verified;
      wx.navigateTo({ url: verified ? '/pages/withdraw/withdraw' : '/pages/identity/identity' });
    },
    toIdentity() {
      wx.navigateTo({ url: '/pages/identity/identity' });
    },
    toHistory() {
      wx.navigateTo({ url: '/pages/withdrawals/withdrawals' });
    },
    openWithdrawal(e) {
      wx.navigateTo({ url: '/pages/withdrawal/withdrawal?id=' + e.currentTarget.dataset.id });
    },
  },
});
