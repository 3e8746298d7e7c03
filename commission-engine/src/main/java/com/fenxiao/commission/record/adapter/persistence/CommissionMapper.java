package com.fenxiao.commission.record.adapter.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CommissionMapper extends BaseMapper<CommissionRow> {

    @Insert("INSERT IGNORE INTO commission_record (id, order_id, order_no, promoter_id, buyer_id, level, amount_fen,"
            + " rate_bp, breakdown, status, paid_at, created_at, updated_at) VALUES (#{id}, #{orderId}, #{orderNo},"
            + " #{promoterId}, #{buyerId}, #{level}, #{amountFen}, #{rateBp}, #{breakdown}, #{status}, #{paidAt},"
            + " #{createdAt}, #{updatedAt})")
    int insertIgnore(CommissionRow row);
}
