// One withdrawal, followed until it is paid or failed (polled while the page is open). When its WeChat
// transfer bill waits for me (WAIT_USER_CONFIRM), 确认收款 opens WeChat's confirmation
// (wx.requestMerchantTransfer) and the outcome is reported to the server.
const withdrawals = require('../../utils/withdrawals');
const { problemText } = require('../../utils/api');
const { errorState, toast } = require('../../utils/page');

const POLL_MS = 3000;
const POLL_LIMIT = 200; // ten minutes at 3 s; afterwards pull the page to look again

Component({
  data: { loading: true, error: null, w: null, busy: false, message: '', actionError: '' },
  methods: {
    onLoad(query) {
      this.id = query && query.id;
      this.pollMs = this.pollMs || POLL_MS;
      this.polls = 0;
      const cached = withdrawals.byId(this.id);
      if (cached) this.setData({ w: cached, loading: false });
      return this.refresh();
    },
    onShow() {
      if (this.stopped && this.data.w && !this.data.w.final) {
        this.stopped = false;
        this.schedule();
      }
    },
    onHide() {
      this.stop();
    },
    onUnload() {
      this.stop();
    },
    onPullDownRefresh() {
      this.polls = 0;
      return this.refresh().then(() => wx.stopPullDownRefresh());
    },
    stop() {
      this.stopped = true;
      clearTimeout(this.timer);
    },
    schedule() {
      clearTimeout(this.timer);
      if (this.stopped || (this.data.w && this.data.w.final) || this.polls >= POLL_LIMIT) return;
      this.timer = setTimeout(() => {
        this.polls += 1;
        this.refresh();
      }, this.pollMs);
    },
    async refresh() {
      try {
        const w = await withdrawals.find(this.id);
        const was = this.data.w;
        this.setData({ w, loading: false, error: null });
        if (w.final && was && !was.final) toast(w.status === 'PAID' ? '提现已到账' : '提现' + w.statusText);
      } catch (e) {
        // a failed poll keeps what is shown; with nothing shown, the retry state
        if (!this.data.w) this.setData({ loading: false, error: errorState(e) });
      }
      this.schedule();
    },
    async confirmReceipt() {
      const w = this.data.w;
      if (!w || !w.needsConfirmation) return;
      this.setData({ busy: true, actionError: '', message: '' });
      try {
        const r = await withdrawals.confirmReceipt(w.id);
        this.setData({ message: r.message, lastResult: r.result });
        this.polls = 0;
        await this.refresh();
      } catch (e) {
        this.setData({ actionError: problemText(e) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
