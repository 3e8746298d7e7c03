package com.fenxiao.withdrawal.wallet.adapter.persistence;

import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The MyBatis-Plus pattern over a sharded table: the shard key is the id, so one physical table answers. */
@Repository
class MybatisWalletBalances implements WalletBalances {

    private final WalletMapper mapper;

    MybatisWalletBalances(WalletMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<Balances> of(long promoterId) {
        return Optional.ofNullable(mapper.selectById(promoterId))
                .map(r -> new Balances(
                        r.getPendingFen(), r.getAvailableFen(), r.getFrozenFen(), r.getWithdrawnFen(), r.getDebtFen()));
    }
}
