-- Promotion agreement versions (SPEC §2.6), kept by the server: login and acceptance must name one of
-- these. The version in force is the one with the latest effective_at not after now. A new version is
-- published by a migration inserting its row (effective_at may be in the future); members who accepted
-- only older versions are then asked to accept it (relation-service README, "Agreement").
-- body: the text, one paragraph per line.
CREATE TABLE agreement_version (
    version       VARCHAR(32)  NOT NULL PRIMARY KEY,
    title         VARCHAR(64)  NOT NULL,
    body          TEXT         NOT NULL,
    effective_at  DATETIME(3)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    KEY idx_agreement_version_effective (effective_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The version the H5 and the mini-program have shown since launch, in force from 2026-11-01 00:00 Asia/Shanghai.
INSERT INTO agreement_version (version, title, body, effective_at, created_at) VALUES (
    'promo-2026-11',
    '推广员协议',
    CONCAT_WS('\n',
        '一、注册即成为推广员,完全免费,平台不收取任何入门费、会费或购买“资格商品”的费用。',
        '二、平台仅支持两级分佣:您直接邀请的好友为一级,好友邀请的好友为二级;不设更多层级,不设团队业绩或人头奖励。',
        '三、佣金仅来自真实消费:订单实际支付且未退款,并在售后期结束后结算;部分退款相应扣减,售后期后退款将冲正已结算佣金。',
        '四、邀请关系以首次绑定为准;绑定后冷静期内可自行解绑一次,此后仅可由平台审核处理。',
        '五、提现前须完成实名认证;平台依法按劳务报酬代扣代缴个人所得税,提现手续费及预计到账时间以确认页为准。',
        '六、禁止刷单、虚假注册、批量注册等行为;存在风险的账户佣金将暂缓结算并人工审核。',
        '七、平台记录您同意本协议的版本、时间与IP地址。'),
    '2026-10-31 16:00:00.000',
    '2026-10-31 16:00:00.000');
