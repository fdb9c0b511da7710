# The ingest job's image. Build context: the repository root, after the jar is built:
#   ./mvnw -B -pl batch-job -am package -DskipTests
#   docker build -f ecs-task-defs/images/batch-job.Dockerfile -t weather-ingest:$IMAGE_TAG .
# (Move it to batch-job/Dockerfile once the layout allows; the paths below stay the same.)
FROM eclipse-temurin:17-jre-noble AS layers
WORKDIR /build
COPY batch-job/target/batch-job.jar batch-job.jar
# one layer per kind of content, so that a code change pushes kilobytes, not the dependencies again; the
# application layer holds batch-job.jar, whose manifest puts lib/*.jar on the class path
RUN java -Djarmode=tools -jar batch-job.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 weather \
    && useradd --system --uid 10001 --gid weather --home-dir /app --shell /usr/sbin/nologin weather
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY batch-job/jvm.options ./
# Class data sharing: a training run that starts the application context (on the embedded H2 default, thrown
# away) records the classes it loads, and every run maps them instead of loading them again. Measured side by side
# with the plain jar (bench/load-bench.sh, 2 cores), the process outside the job's own time fell from 11 s to 5 s.
RUN java @jvm.options -XX:ArchiveClassesAtExit=batch-job.jsa -Dspring.context.exit=onRefresh -jar batch-job.jar \
    && rm -rf data
# The heap follows the task's memory (2 GiB in batch-job-task-def.json): half of it, 1 GiB, against a measured
# ~500 MB RSS for a full load; the other half is metaspace, thread stacks, the S3 client's buffers and the
# JDBC driver. Die at once on OutOfMemoryError so that ECS sees a non-zero exit and the alarm fires.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# exec form: the JVM is PID 1 and gets ECS's SIGTERM itself, which the job turns into a clean stop
ENTRYPOINT ["java", "@jvm.options", "-XX:SharedArchiveFile=batch-job.jsa", "-jar", "batch-job.jar"]
