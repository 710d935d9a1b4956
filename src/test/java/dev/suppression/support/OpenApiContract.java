package dev.suppression.support;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds real responses to {@code openapi.yaml}, the source of truth of the HTTP contract: the status must be
 * declared for the operation, the content type must be one the operation declares for that status, and the
 * body must validate against the declared JSON Schema (2020-12, as OpenAPI 3.1 uses it).
 *
 * <pre>{@code OpenApiContract.assertMatches("GET", "/suppressions/{address}", mvc.get().uri(...).exchange());}</pre>
 */
public final class OpenApiContract {

    /** The spec as the jar serves it; the top-level file when resources have not been processed. */
    private static final String CLASSPATH_LOCATION = "static/openapi.yaml";
    private static final Path SOURCE_LOCATION = Path.of("openapi.yaml");
    /** The IRI the spec is registered under (never fetched), so that {@code $ref: '#/components/...'} resolves. */
    private static final String SPEC_IRI = "https://openapi.invalid/openapi.yaml";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static volatile @Nullable OpenApiContract served;

    private final JsonNode spec;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        var document = JSON.writeValueAsString(spec);
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry
                .schemas(Map.of(SPEC_IRI, document))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
    }

    /** The contract of this service, from {@code openapi.yaml}. */
    public static OpenApiContract service() {
        var contract = served;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                contract = served;
                if (contract == null) {
                    contract = fromYaml(readServiceSpec());
                    served = contract;
                }
            }
        }
        return contract;
    }

    /** A contract from YAML text, for checking the checker. */
    public static OpenApiContract fromYaml(String yaml) {
        return new OpenApiContract(YAMLMapper.builder().build().readTree(yaml));
    }

    /** The text of {@code openapi.yaml} as the service ships it. */
    public static String readServiceSpec() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(SOURCE_LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is neither on the classpath nor in the working directory", e);
        }
    }

    /** Fails unless the exchange's response is one that {@code openapi.yaml} declares for the operation. */
    public static void assertMatches(String method, String pathTemplate, MvcTestResult result) {
        service().check(method, pathTemplate, result);
    }

    /** Fails unless the response is one that this contract declares for the operation. */
    public void check(String method, String pathTemplate, MvcTestResult result) {
        var unresolved = result.getUnresolvedException();
        if (unresolved != null) {
            throw new AssertionError(method + " " + pathTemplate + " failed with an unresolved exception", unresolved);
        }
        var response = result.getResponse();
        try {
            check(method, pathTemplate, response.getStatus(), response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless a response with this status, content type and body is declared for the operation. */
    public void check(String method, String pathTemplate, int status, @Nullable String contentType, String body) {
        var operationName = method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
        var responses = spec.at(operation(method, pathTemplate) + "/responses");
        var statusKey = List.of(String.valueOf(status), status / 100 + "XX", "default").stream()
                .filter(responses::has).findFirst().orElse(null);
        if (statusKey == null) {
            throw new AssertionError("%s answered %d, which openapi.yaml does not declare (declared: %s); body: %s"
                    .formatted(operationName, status, responses.propertyNames(), body));
        }
        var response = resolve(operation(method, pathTemplate) + "/responses/" + escape(statusKey));
        var content = spec.at(response + "/content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                throw new AssertionError("%s %d declares no body, but one came: %s".formatted(operationName, status, body));
            }
            return;
        }
        if (contentType == null) {
            throw new AssertionError("%s %d came without a Content-Type; declared: %s"
                    .formatted(operationName, status, content.propertyNames()));
        }
        var mediaType = declaredMediaType(content, contentType);
        if (mediaType == null) {
            throw new AssertionError("%s %d came as %s, which openapi.yaml does not declare (declared: %s); body: %s"
                    .formatted(operationName, status, contentType, content.propertyNames(), body));
        }
        if (!isJson(mediaType) || !content.get(mediaType).has("schema")) {
            return;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError("%s %d declares %s, but the body is not JSON: %s"
                    .formatted(operationName, status, mediaType, body), e);
        }
        var errors = schemaAt(response + "/content/" + escape(mediaType) + "/schema").validate(instance);
        if (!errors.isEmpty()) {
            throw new AssertionError("%s %d (%s) does not match openapi.yaml:%n  %s%nbody: %s".formatted(operationName,
                    status, mediaType,
                    errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                            .collect(Collectors.joining(System.lineSeparator() + "  ")),
                    body));
        }
    }

    /** A named request example of an operation, as JSON text, to send it the way the contract shows it. */
    public String requestExample(String method, String pathTemplate, String name) {
        var example = spec.at(operation(method, pathTemplate) + "/requestBody/content/application~1json/examples/"
                + escape(name) + "/value");
        if (example.isMissingNode()) {
            throw new AssertionError("openapi.yaml has no request example '" + name + "' for "
                    + method.toUpperCase(Locale.ROOT) + " " + pathTemplate);
        }
        return JSON.writeValueAsString(example);
    }

    /** Every operation the contract declares, as {@code "GET /suppressions/{address}"}. */
    public Set<String> operations() {
        var operations = new TreeSet<String>();
        for (var path : spec.path("paths").properties()) {
            for (var name : spec.at(resolve("/paths/" + escape(path.getKey()))).propertyNames()) {
                if (HTTP_METHODS.contains(name)) {
                    operations.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** The JSON Pointer of an operation, or an assertion error naming what the spec lacks. */
    private String operation(String method, String pathTemplate) {
        if (!spec.path("paths").has(pathTemplate)) {
            throw new AssertionError("openapi.yaml declares no path " + pathTemplate + " (declared: "
                    + spec.path("paths").propertyNames() + ")");
        }
        var operation = resolve("/paths/" + escape(pathTemplate)) + "/" + method.toLowerCase(Locale.ROOT);
        if (spec.at(operation).isMissingNode()) {
            throw new AssertionError("openapi.yaml declares no " + method.toUpperCase(Locale.ROOT) + " for " + pathTemplate);
        }
        return operation;
    }

    /** Follows local {@code $ref}s (responses, path items) to the pointer of the object they name. */
    private String resolve(String pointer) {
        var seen = new TreeSet<String>();
        var current = pointer;
        while (spec.at(current).has("$ref")) {
            var ref = spec.at(current).get("$ref").asString();
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                throw new AssertionError("openapi.yaml has an unresolvable or circular $ref " + ref);
            }
            current = ref.substring(1);
            if (spec.at(current).isMissingNode()) {
                throw new AssertionError("openapi.yaml refers to " + ref + ", which it does not define");
            }
        }
        return current;
    }

    /** The schema at a JSON Pointer into the spec, loaded as part of the whole document so local refs resolve. */
    private Schema schemaAt(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> {
            var location = SchemaLocation.of(SPEC_IRI + "#" + p.replace("{", "%7B").replace("}", "%7D"));
            var loaded = schemas.getSchema(location);
            loaded.initializeValidators();
            return loaded;
        });
    }

    private static @Nullable String declaredMediaType(JsonNode content, String contentType) {
        MediaType actual;
        try {
            actual = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        Map<String, MediaType> declared = new LinkedHashMap<>();
        for (var key : content.propertyNames()) {
            declared.put(key, MediaType.parseMediaType(key));
        }
        for (var entry : declared.entrySet()) {
            if (entry.getValue().equalsTypeAndSubtype(actual)) {
                return entry.getKey();
            }
        }
        for (var entry : declared.entrySet()) {
            if (entry.getValue().isWildcardType() || entry.getValue().isWildcardSubtype()) {
                if (entry.getValue().includes(actual)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    private static boolean isJson(String mediaType) {
        var type = MediaType.parseMediaType(mediaType);
        return "json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix());
    }

    /** JSON Pointer escaping (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
