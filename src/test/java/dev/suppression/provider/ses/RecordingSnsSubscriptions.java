package dev.suppression.provider.ses;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Confirms SNS subscriptions offline: records each {@code SubscribeURL} it is asked to visit. */
public class RecordingSnsSubscriptions implements SnsSubscriptions {

    private final List<URI> confirmed = new CopyOnWriteArrayList<>();

    @Override
    public void confirm(URI subscribeUrl) {
        confirmed.add(subscribeUrl);
    }

    public List<URI> confirmed() {
        return List.copyOf(confirmed);
    }
}
