package dev.suppression.providersync.web;

import dev.suppression.providersync.ProviderImport;
import dev.suppression.providersync.ProviderImportSummary;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops pull an ESP's own list into ours. */
@RestController
class ProviderImportController {

    private final ProviderImport imports;

    ProviderImportController(ProviderImport imports) {
        this.imports = imports;
    }

    @PostMapping("/providers/{provider}/import")
    ProviderImportSummary importList(@PathVariable String provider) {
        return imports.importFrom(provider);
    }
}
