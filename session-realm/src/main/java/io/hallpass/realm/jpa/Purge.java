package io.hallpass.realm.jpa;

import java.util.List;
import org.hibernate.query.SelectionQuery;

/**
 * Deletes aged rows in batches, each batch its own transaction, until a batch comes back short. Which rows have
 * aged out is for each table's owner to say: it deletes one batch of its own rows at a time.
 */
final class Purge {

    /** One batch: how many aged rows were found, and how many of them were deleted (another node may be faster). */
    record Batch(int found, int deleted) {
    }

    /** An owner's deletion of one batch of its aged rows. */
    @FunctionalInterface
    interface AgedRows {
        Batch deleteBatch(Tx t, int batchSize);
    }

    private Purge() {
    }

    /** Runs {@code owner}'s batches until one comes back short; answers how many rows were deleted. */
    static int inBatches(Transactions transactions, int batchSize, AgedRows owner) {
        int total = 0;
        while (true) {
            Batch batch = transactions.run(t -> owner.deleteBatch(t, batchSize));
            total += batch.deleted();
            if (batch.found() < batchSize) {
                return total;
            }
        }
    }

    /**
     * Deletes at most {@code batchSize} of the rows {@code aged} selects (their ids) with {@code deleteByIds}, a
     * delete statement of the owner's with the parameter {@code :ids}.
     */
    static Batch deleteFound(Tx t, SelectionQuery<Object> aged, String deleteByIds, int batchSize) {
        List<Object> ids = aged.setMaxResults(batchSize).getResultList();
        int deleted = ids.isEmpty() ? 0 : t.db.createMutationQuery(deleteByIds).setParameterList("ids", ids)
                .executeUpdate();
        return new Batch(ids.size(), deleted);
    }
}
