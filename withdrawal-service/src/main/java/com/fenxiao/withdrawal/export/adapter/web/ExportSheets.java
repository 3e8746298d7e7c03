package com.fenxiao.withdrawal.export.adapter.web;

import com.fenxiao.common.export.TabularExport;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.withdrawal.export.domain.LedgerLine;
import com.fenxiao.withdrawal.export.domain.TaxLine;
import com.fenxiao.withdrawal.export.domain.WithdrawalLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of each export: zh-CN headers, money in yuan with two decimals (exact from the fen),
 * times in Beijing time, ids as text (a spreadsheet would round an 18-digit number), codes beside
 * their Chinese labels so files stay machine-readable.
 */
final class ExportSheets {

    static final List<String> LEDGER_HEADERS = List.of(
            "记账时间",
            "流水号",
            "推广员ID",
            "类型",
            "类型代码",
            "金额(元)",
            "来源",
            "待结算变动(元)",
            "可用变动(元)",
            "冻结变动(元)",
            "已提现变动(元)",
            "欠款变动(元)");

    static final List<String> WITHDRAWAL_HEADERS = List.of(
            "提现单号", "推广员ID", "渠道", "提现金额(元)", "手续费(元)", "代扣个税(元)", "实发金额(元)", "状态", "状态代码", "申请时间", "到账时间", "银行流水号",
            "微信转账单号", "计税方法");

    static final List<String> TAX_HEADERS =
            List.of("所属月份", "推广员ID", "姓名(脱敏)", "身份证号(脱敏)", "收入额(元)", "代扣个税(元)", "笔数", "计税方法");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessTime.ZONE);

    private static final Map<String, String> ENTRY_TYPES = Map.of(
            "COMMISSION_CREATED", "佣金产生(待结算)",
            "COMMISSION_ADJUSTED", "佣金调整",
            "COMMISSION_CANCELLED", "佣金取消",
            "COMMISSION_SETTLED", "佣金结算入账",
            "COMMISSION_REVERSED", "佣金冲回(退款)",
            "WITHDRAWAL_FROZEN", "提现冻结",
            "WITHDRAWAL_RELEASED", "提现退回",
            "WITHDRAWAL_PAID", "提现已支付");

    private static final Map<String, String> STATUSES = Map.of(
            "REVIEWING", "审核中",
            "AWAITING_SECOND_APPROVAL", "待复核",
            "APPROVED", "已批准",
            "PAYING", "打款中",
            "BANK_EXPORTED", "已导出银行批次",
            "PAID", "已到账",
            "REJECTED", "已驳回",
            "FAILED", "失败");

    private static final Map<String, String> CHANNELS = Map.of("WECHAT", "微信零钱", "BANK", "银行卡");

    private static final Map<String, String> TAX_METHODS =
            Map.of("PER_PAYMENT", "按次预扣(预扣率表二)", "PLATFORM_CUMULATIVE", "平台累计预扣(预扣率表一)");

    private ExportSheets() {}

    static List<Object> ledger(LedgerLine l) {
        List<Object> cells = new ArrayList<>(LEDGER_HEADERS.size());
        cells.add(time(l.at()));
        cells.add(Long.toString(l.entryId()));
        cells.add(Long.toString(l.promoterId()));
        cells.add(label(ENTRY_TYPES, l.entryType()));
        cells.add(l.entryType());
        cells.add(yuan(l.amountFen()));
        cells.add(l.sourceKey());
        cells.add(yuan(l.pendingDeltaFen()));
        cells.add(yuan(l.availableDeltaFen()));
        cells.add(yuan(l.frozenDeltaFen()));
        cells.add(yuan(l.withdrawnDeltaFen()));
        cells.add(yuan(l.debtDeltaFen()));
        return cells;
    }

    static List<Object> withdrawal(WithdrawalLine w) {
        List<Object> cells = new ArrayList<>(WITHDRAWAL_HEADERS.size());
        cells.add(Long.toString(w.id()));
        cells.add(Long.toString(w.promoterId()));
        cells.add(label(CHANNELS, w.channel()));
        cells.add(yuan(w.amountFen()));
        cells.add(yuan(w.feeFen()));
        cells.add(yuan(w.taxFen()));
        cells.add(yuan(w.netFen()));
        cells.add(label(STATUSES, w.status()));
        cells.add(w.status());
        cells.add(time(w.requestedAt()));
        cells.add(time(w.paidAt()));
        cells.add(nullToEmpty(w.bankReference()));
        cells.add(nullToEmpty(w.outBillNo()));
        cells.add(label(TAX_METHODS, w.taxMethod()));
        return cells;
    }

    static List<Object> tax(TaxLine t) {
        List<Object> cells = new ArrayList<>(TAX_HEADERS.size());
        cells.add(t.month().toString());
        cells.add(Long.toString(t.promoterId()));
        cells.add(nullToEmpty(t.maskedName()));
        cells.add(nullToEmpty(t.maskedIdNumber()));
        cells.add(yuan(t.incomeFen()));
        cells.add(yuan(t.taxFen()));
        cells.add(t.payments());
        cells.add(
                t.methods() == null
                        ? ""
                        : Arrays.stream(t.methods().split(","))
                                .map(m -> label(TAX_METHODS, m))
                                .collect(Collectors.joining("、")));
        return cells;
    }

    static BigDecimal yuan(long fen) {
        return TabularExport.yuan(fen);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
