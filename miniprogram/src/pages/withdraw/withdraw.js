// Withdrawal: amount (≥ 1.00 元, ≤ available; daily and monthly limits are the server's), channel, then
// a quote (fee, income tax withheld, net, expected arrival) that must be seen before confirming. The
// request carries an Idempotency-Key kept across retries of the same quote, so a double tap or a lost
// answer never asks twice.
const api = require('../../utils/api');
const withdrawals = require('../../utils/withdrawals');
const { money, parseYuan, when, CHANNEL } = require('../../utils/format');
const { errorState } = require('../../utils/page');

const MIN_FEN = 100;

Component({
  data: {
    loading: true, error: null, availableFen: 0, available: '', hasDebt: false,
    amount: '', channel: 'WECHAT', channels: [{ value: 'WECHAT', label: CHANNEL.WECHAT }, { value: 'BANK', label: CHANNEL.BANK }],
    quote: null, busy: false, formError: '', min: money(MIN_FEN),
  },
  methods: {
    onLoad() {
      return this.load();
    },
    async load() {
      this.setData({ loading: true, error: null });
      try {
        const [w, identity] = await Promise.all([api.wallet(), api.identity()]);
        if (!identity.verified) {
          wx.redirectTo({ url: '/pages/identity/identity' });
          return;
        }
        this.setData({
          loading: false, availableFen: w.availableFen, available: money(w.availableFen), hasDebt: Number(w.debtFen) > 0,
        });
      } catch (e) {
        this.setData({ loading: false, error: errorState(e) });
      }
    },
    reset() {
      this.key = null;
      this.setData({ quote: null, formError: '' });
    },
    onAmount(e) {
      this.setData({ amount: e.detail.value });
      this.reset();
    },
    all() {
      this.setData({ amount: money(this.data.availableFen).replace('¥', '') });
      this.reset();
    },
    onChannel(e) {
      this.setData({ channel: e.detail.value });
      this.reset();
    },
    amountProblem(fen) {
      if (fen === null || fen <= 0) return '请输入正确的金额,最多两位小数';
      if (fen < MIN_FEN) return '单笔提现最低 ' + money(MIN_FEN);
      if (fen > this.data.availableFen) return '超过可提现金额 ' + this.data.available;
      return null;
    },
    async getQuote() {
      const fen = parseYuan(this.data.amount);
      const problem = this.amountProblem(fen);
      if (problem) return this.setData({ formError: problem, quote: null });
      this.setData({ busy: true, formError: '' });
      try {
        const q = await api.quote(fen, this.data.channel);
        this.key = api.newKey();
        this.setData({
          quote: {
            amountFen: q.amountFen, amount: money(q.amountFen), fee: money(q.feeFen), tax: money(q.taxFen),
            net: money(q.netFen), channel: CHANNEL[q.channel || this.data.channel], arrival: when(q.expectedArrival),
          },
        });
      } catch (e) {
        this.setData({ formError: api.problemText(e) });
      } finally {
        this.setData({ busy: false });
      }
      return undefined;
    },
    async confirm() {
      const q = this.data.quote;
      if (!q || !this.key) return;
      this.setData({ busy: true, formError: '' });
      try {
        const w = await api.withdraw(q.amountFen, this.data.channel, this.key);
        withdrawals.view(w);
        wx.redirectTo({ url: '/pages/withdrawal/withdrawal?id=' + w.id });
      } catch (e) {
        // a network failure keeps the key: tapping again retries the same request
        this.setData({ formError: api.problemText(e) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
