package io.hallpass.sample.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payout requests, kept in memory for the life of the application: the demo shop has no database of its own.
 * (Accounts and sessions live in Hallpass's realm; payouts would live in the shop's own tables.)
 */
public final class Payouts {

    /** A requested payout. */
    public record Payout(BigDecimal amount, Instant requestedAt) {
    }

    private final Map<Long, List<Payout>> byAccount = new ConcurrentHashMap<>();

    /**
     * Records a payout if the balance allows it.
     *
     * @return the payout, or null if {@code amount} is more than the available balance
     */
    public Payout request(long accountId, String customer, BigDecimal amount, Instant at) {
        synchronized (byAccount) {
            if (amount.compareTo(available(accountId, customer)) > 0) {
                return null;
            }
            Payout payout = new Payout(amount, at);
            byAccount.computeIfAbsent(accountId, id -> new ArrayList<>()).add(0, payout);
            return payout;
        }
    }

    /** Newest first. */
    public List<Payout> of(long accountId) {
        synchronized (byAccount) {
            return List.copyOf(byAccount.getOrDefault(accountId, List.of()));
        }
    }

    public BigDecimal available(long accountId, String customer) {
        synchronized (byAccount) {
            BigDecimal paid = byAccount.getOrDefault(accountId, List.of()).stream()
                    .map(Payout::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            return DemoShop.storeCredit(customer).subtract(paid);
        }
    }
}
