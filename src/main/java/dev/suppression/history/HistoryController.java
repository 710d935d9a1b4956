package dev.suppression.history;

import dev.suppression.address.EmailAddress;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The evidence for the ticket. */
@RestController
class HistoryController {

    private final AddressHistory history;

    HistoryController(AddressHistory history) {
        this.history = history;
    }

    @GetMapping("/suppressions/{address}/history")
    AddressHistoryView history(@PathVariable String address) {
        var parsed = EmailAddress.parse(address);
        return new AddressHistoryView(parsed.value(), history.of(parsed));
    }

    record AddressHistoryView(String address, List<HistoryEntry> entries) { }
}
