package dev.suppression.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the contract, openapi.yaml, as application/yaml (static resources would go out as octet-stream). */
@RestController
class OpenApiDocumentController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private final Resource document = new ClassPathResource("static/openapi.yaml");

    @GetMapping(path = "/openapi.yaml")
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok().contentType(YAML).body(document);
    }
}
