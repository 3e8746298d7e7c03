package com.fenxiao.commission.record.adapter.persistence;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.event.EventCodec;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class MybatisCommissions implements Commissions {

    private static final TypeReference<List<Commission.ItemShare>> SHARES = new TypeReference<>() {};

    private final CommissionMapper mapper;
    private final EventCodec json;

    MybatisCommissions(CommissionMapper mapper, EventCodec json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public boolean addIfAbsent(Commission c) {
        CommissionRow row = new CommissionRow();
        row.id = c.id();
        row.orderId = c.orderId();
        row.orderNo = c.orderNo();
        row.promoterId = c.promoterId();
        row.buyerId = c.buyerId();
        row.level = c.level();
        row.amountFen = c.amountFen();
        row.rateBp = c.rateBp();
        row.breakdown = json.write(c.breakdown());
        row.status = c.status().name();
        row.paidAt = utc(c.paidAt());
        row.createdAt = utc(c.createdAt());
        row.updatedAt = row.createdAt;
        return mapper.insertIgnore(row) == 1;
    }

    @Override
    public List<Commission> ofOrder(String orderId) {
        return mapper.selectList(new QueryWrapper<CommissionRow>().eq("order_id", orderId)).stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<Commission> ofPromoter(long promoterId, int limit) {
        return mapper
                .selectList(new QueryWrapper<CommissionRow>()
                        .eq("promoter_id", promoterId)
                        .orderByDesc("id")
                        .last("LIMIT " + Math.max(1, Math.min(limit, 100))))
                .stream()
                .map(this::toDomain)
                .toList();
    }

    private Commission toDomain(CommissionRow r) {
        List<Commission.ItemShare> breakdown;
        try {
            breakdown = json.mapper().readValue(r.breakdown, SHARES);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("corrupt breakdown of commission " + r.id, e);
        }
        return new Commission(
                r.id,
                r.orderId,
                r.orderNo,
                r.promoterId,
                r.buyerId,
                r.level,
                r.amountFen,
                r.rateBp,
                breakdown,
                CommissionStatus.valueOf(r.status),
                r.paidAt.toInstant(ZoneOffset.UTC),
                r.createdAt.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(java.time.Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
