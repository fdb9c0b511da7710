# syntax=docker/dockerfile:1
# The ingest job's image. Build context: the repository root, after the build has left the image's layout in
# batch-job/target/app/ (the extracted jar, jvm.options, bin/batch-job, bin/train-aot-cache):
#   ./mvnw -B package -DskipTests
#   docker build -f ecs-task-defs/images/batch-job.Dockerfile -t weather-ingest:$IMAGE_TAG .
# The image runs bin/batch-job, as the benchmarks and anyone wanting production behaviour on a laptop do.
FROM eclipse-temurin:25-jre-noble
RUN groupadd --system --gid 10001 weather \
    && useradd --system --uid 10001 --gid weather --home-dir /app --shell /usr/sbin/nologin weather
WORKDIR /app
# the dependencies first, so that a code change pushes kilobytes, not the dependencies again
COPY batch-job/target/app/lib/ lib/
COPY batch-job/target/app/bin/ bin/
COPY batch-job/target/app/batch-job.jar batch-job/target/app/jvm.options ./
# The ahead-of-time cache the build trained serves only the JVM that wrote it: train it again with this image's JVM
# (a run on the sample bundled in the jar, into an embedded H2 database that is thrown away).
RUN bin/train-aot-cache
# The heap follows the task's memory (2 GiB in batch-job-task-def.json): half of it, 1 GiB, against a measured
# ~500 MB RSS for a full load; the other half is metaspace, thread stacks, the S3 client's buffers and the
# JDBC driver. Die at once on OutOfMemoryError so that ECS sees a non-zero exit and the alarm fires.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# exec form, and the launcher execs java: the JVM is PID 1 and gets ECS's SIGTERM itself, which the job turns into a
# clean stop
ENTRYPOINT ["/app/bin/batch-job"]
