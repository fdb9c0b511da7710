# The API's image. Build context: the repository root, after the jar is built:
#   ./mvnw -B -pl api -am package -DskipTests
#   docker build -f ecs-task-defs/images/api.Dockerfile -t weather-api:$IMAGE_TAG .
# (Belongs in api/Dockerfile once the API is merged; the paths below stay the same.)
FROM eclipse-temurin:17-jre-noble AS layers
WORKDIR /build
COPY api/target/api.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre-noble
# curl for the container health check in api-task-def.json
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 weather \
    && useradd --system --uid 10001 --gid weather --home-dir /app --shell /usr/sbin/nologin weather
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# The heap follows the task's memory (1 GiB in api-task-def.json): 60 %, about 600 MB, for streaming pages of
# rows; the rest is metaspace, Tomcat's threads and buffers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null --max-time 4 http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
