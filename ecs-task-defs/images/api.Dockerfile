# syntax=docker/dockerfile:1
# The API's image. Build context: the repository root, after the build has left the image's layout in
# api/target/app/ and the ingest job's jar in batch-job/target/ (the API's AOT training serves the sample it loads):
#   ./mvnw -B package -DskipTests
#   docker build -f ecs-task-defs/images/api.Dockerfile -t weather-api:$IMAGE_TAG .
# The image runs bin/api, as the benchmarks and anyone wanting production behaviour on a laptop do.
FROM eclipse-temurin:25-jre-noble
# curl for the container health check in api-task-def.json, and for the AOT training's requests; util-linux (part of
# the base image already) for the chrt with which bin/api runs the JVM under SCHED_BATCH
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl util-linux \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 weather \
    && useradd --system --uid 10001 --gid weather --home-dir /app --shell /usr/sbin/nologin weather
WORKDIR /app
# the dependencies first, so that a code change pushes kilobytes, not the dependencies again
COPY api/target/app/lib/ lib/
COPY api/target/app/bin/ bin/
COPY api/target/app/api.jar api/target/app/jvm.options ./
# The ahead-of-time cache the build trained serves only the JVM that wrote it: train it again with this image's JVM.
# The ingest job's jar is mounted for this step only (it loads the sample the training serves), not copied.
RUN --mount=type=bind,source=batch-job/target/batch-job.jar,target=/tmp/batch-job.jar \
    bin/train-aot-cache /tmp/batch-job.jar
# The heap follows the task's memory (1 GiB in api-task-def.json): 60 %, about 600 MB, for streaming pages of
# rows; the rest is metaspace, Tomcat's threads and buffers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60"
EXPOSE 8080
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null --max-time 4 http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["/app/bin/api"]
