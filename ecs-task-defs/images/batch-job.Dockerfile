# The ingest job's image. Build context: the repository root, after the jar is built:
#   ./mvnw -B -pl batch-job -am package -DskipTests
#   docker build -f ecs-task-defs/images/batch-job.Dockerfile -t weather-ingest:$IMAGE_TAG .
# (Move it to batch-job/Dockerfile once the layout allows; the paths below stay the same.)
FROM eclipse-temurin:17-jre-noble AS layers
WORKDIR /build
COPY batch-job/target/batch-job.jar app.jar
# one layer per kind of content, so that a code change pushes kilobytes, not the dependencies again
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 weather \
    && useradd --system --uid 10001 --gid weather --home-dir /app --shell /usr/sbin/nologin weather
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# The heap follows the task's memory (2 GiB in batch-job-task-def.json): half of it, 1 GiB, against a measured
# ~500 MB RSS for a full load; the other half is metaspace, thread stacks, the S3 client's buffers and the
# JDBC driver. Die at once on OutOfMemoryError so that ECS sees a non-zero exit and the alarm fires.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# exec form: the JVM is PID 1 and gets ECS's SIGTERM itself, which the job turns into a clean stop
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
