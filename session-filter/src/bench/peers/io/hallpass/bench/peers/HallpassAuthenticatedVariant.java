package io.hallpass.bench.peers;

/** Hallpass on {@code /app/hello}, which needs role {@code user}: one realm lookup per request, no cache. */
public final class HallpassAuthenticatedVariant extends HallpassVariant {

    @Override
    public String name() {
        return "hallpass-auth";
    }
}
