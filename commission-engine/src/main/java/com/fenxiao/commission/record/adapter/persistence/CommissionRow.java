package com.fenxiao.commission.record.adapter.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("commission_record")
public class CommissionRow {

    @TableId(type = IdType.INPUT)
    public Long id;

    public String orderId;
    public String orderNo;
    public Long promoterId;
    public Long buyerId;
    public Integer level;
    public Long amountFen;
    public Integer rateBp;
    public String breakdown;
    public String status;
    public LocalDateTime paidAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
