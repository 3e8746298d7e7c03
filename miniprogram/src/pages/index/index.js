// Promoter center: invite code, QR code and mini-program code (image endpoints), share card, poster,
// team counts, and who invited me with the cooling-off state. Also the landing page of a share card
// (?invite=CODE) and of a scanned mini-program code (?scene=c%3DCODE): the invite is bound through a
// login that carries it (the server binds a member without an inviter, and says why when it does not).
const api = require('../../utils/api');
const auth = require('../../utils/auth');
const invite = require('../../utils/invite');
const poster = require('../../utils/poster');
const { when } = require('../../utils/format');
const { errorState, toast, confirm } = require('../../utils/page');

Component({
  data: {
    loading: true,
    error: null,
    p: null,
    boundAt: '',
    coolingOffEndsAt: '',
    coolingOff: false,
    qrImage: '',
    codeImage: '',
    imageError: '',
    bindMessage: '',
    bindCode: '',
    busy: false,
    actionError: '',
    agreement: null,
    posterPath: '',
  },
  methods: {
    onLoad(query) {
      invite.remember(invite.inviteFromOptions(query));
    },
    onShow() {
      return this.refresh();
    },
    onPullDownRefresh() {
      return this.refresh().then(() => wx.stopPullDownRefresh());
    },
    async refresh() {
      if (!auth.loggedIn() && !require('../../utils/session').agreedVersion()) {
        wx.reLaunch({ url: '/pages/login/login' });
        return;
      }
      this.setData({ loading: true, error: null, actionError: '' });
      try {
        if (!auth.loggedIn() || invite.pending()) {
          // a waiting invite binds through a login that carries it; also renews an expired token
          const r = await auth.login();
          if (r.message) this.setData({ bindMessage: r.message });
        }
        const p = await api.promoter();
        const now = Date.now();
        this.setData({
          loading: false,
          p,
          boundAt: when(p.boundAt),
          coolingOffEndsAt: when(p.coolingOffEndsAt),
          coolingOff: Boolean(p.inviter && p.coolingOffEndsAt && new Date(p.coolingOffEndsAt).getTime() > now),
        });
        this.loadImages();
        if (p.agreement && p.agreement.reacceptRequired) this.loadAgreement();
        else this.setData({ agreement: null });
      } catch (e) {
        this.setData({ loading: false, error: errorState(e) });
      }
    },
    loadImages() {
      api.wxacode()
        .then((path) => this.setData({ codeImage: path }))
        .catch(() => this.setData({ codeImage: '' }));
      api.qrcode()
        .then((path) => this.setData({ qrImage: path, imageError: '' }))
        .catch((e) => this.setData({ imageError: api.problemText(e) }));
    },
    async loadAgreement() {
      try {
        const standing = await api.myAgreement();
        this.setData({ agreement: standing.current || null });
      } catch (e) {
        this.setData({ actionError: api.problemText(e) });
      }
    },
    async acceptAgreement() {
      const a = this.data.agreement;
      if (!a) return;
      await this.run(async () => {
        await api.acceptAgreement(a.version);
        require('../../utils/session').setAgreedVersion(a.version);
        toast('已同意新版协议');
        this.setData({ agreement: null });
      });
    },
    onBindInput(e) {
      this.setData({ bindCode: e.detail.value, actionError: '' });
    },
    async bind() {
      const code = (this.data.bindCode || '').trim();
      if (!code) {
        this.setData({ actionError: '请输入好友的邀请码' });
        return;
      }
      await this.run(async () => {
        await api.bind(code);
        toast('绑定成功');
        this.setData({ bindCode: '' });
        await this.refresh();
      });
    },
    async unbind() {
      const ok = await confirm('解除绑定', '冷静期内仅可解除一次。解除后,您之后的订单将不再为该邀请人产生佣金。确定解除?');
      if (!ok) return;
      await this.run(async () => {
        await api.unbind();
        toast('已解除绑定');
        await this.refresh();
      });
    },
    async run(fn) {
      this.setData({ busy: true, actionError: '' });
      try {
        await fn();
      } catch (e) {
        this.setData({ actionError: api.problemText(e) });
      } finally {
        this.setData({ busy: false });
      }
    },
    copyLink() {
      const link = this.data.p && this.data.p.inviteLink;
      if (!link) return;
      wx.setClipboardData({ data: link, success: () => toast('邀请链接已复制') });
    },
    previewCode() {
      const url = this.data.codeImage || this.data.qrImage;
      if (url) wx.previewImage({ urls: [url], current: url });
    },
    toTeam(e) {
      wx.navigateTo({ url: '/pages/team/team?level=' + e.currentTarget.dataset.level });
    },
    canvas() {
      return new Promise((resolve, reject) => {
        wx.createSelectorQuery().in(this).select('#poster').fields({ node: true, size: true }).exec((res) => {
          if (res && res[0] && res[0].node) resolve(res[0].node);
          else reject(new api.ApiError(400, { detail: '当前微信版本不支持生成海报,请升级微信' }));
        });
      });
    },
    async savePoster() {
      const p = this.data.p;
      if (!p) return;
      await this.run(async () => {
        let path = this.data.posterPath;
        if (!path) {
          const canvas = await this.canvas();
          await poster.draw(canvas, { inviteCode: p.inviteCode, codeImage: this.data.codeImage || this.data.qrImage });
          path = await poster.toTempFile(canvas);
          this.setData({ posterPath: path });
        }
        await poster.saveToAlbum(path);
        toast('海报已保存到相册');
      });
    },
    onShareAppMessage() {
      const p = this.data.p;
      return {
        title: '邀请你一起逛好店',
        path: p ? '/pages/index/index?invite=' + encodeURIComponent(p.inviteCode) : '/pages/index/index',
        imageUrl: this.data.posterPath || undefined,
      };
    },
  },
});
