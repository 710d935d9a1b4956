# syntax=docker/dockerfile:1

# ---- build: compile and package with the Maven wrapper, then split the jar into layers ----
FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace

# The wrapper and the POM change rarely: resolve dependencies in their own layer so that a source change
# does not download the world again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -ntp dependency:go-offline

COPY src src
COPY db db
COPY openapi.yaml openapi.yaml
RUN ./mvnw -B -ntp -DskipTests package \
 && cp target/suppression-service-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# ---- runtime: JRE only, non-root, one image layer per Spring Boot jar layer ----
FROM eclipse-temurin:21-jre
WORKDIR /app

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app

# Least to most often changed, so a code change only replaces the last layer.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

USER 10001:10001
EXPOSE 8080

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

# The JRE image has no curl: bash's /dev/tcp asks the readiness probe (which includes the database) directly.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200'"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
