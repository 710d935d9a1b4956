package dev.suppression.suppression;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.suppression.recipientdomain.DomainStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer senders get before each send.
 *
 * @param providers where the address stands on each connected ESP's own list; absent when none is connected or
 *                  nothing was sent to one for this address
 * @param advice    on probation with a connected ESP list: whether the one retry may go now or must wait
 */
public record CheckView(String address, boolean mayMail, Verdict verdict, boolean probation,
                        @Nullable SuppressionDetails suppression, DomainStatus domain,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProviderListStatus> providers,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String advice) {

    public CheckView(String address, boolean mayMail, Verdict verdict, boolean probation,
                     @Nullable SuppressionDetails suppression, DomainStatus domain) {
        this(address, mayMail, verdict, probation, suppression, domain, List.of(), null);
    }
}
