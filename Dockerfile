# Two stages: build the fat jar with Maven, run it on a JRE with the repository's contracts and
# fixtures. The pom is copied first so that the dependency layer is cached across source changes.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests -Dfmt.skip -Dcds.skip=true package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/integration-sandbox.jar integration-sandbox.jar
COPY contracts contracts
COPY fixtures fixtures
# The class-data-sharing archive must come from the JVM that will use it: record it here.
RUN java -XX:ArchiveClassesAtExit=integration-sandbox.jsa -Xlog:cds=error,cds+dynamic=error \
      -jar integration-sandbox.jar --check --port 0 --host 127.0.0.1
EXPOSE 8080
# The flags the benchmark measures with: a bounded heap and short GC pauses (README, "Running
# under load"). Inside a container every client is remote to the admin API: set
# SANDBOX_ADMIN_TOKEN and send it as the X-Sandbox-Admin-Token header (README, "Admin API").
ENV JAVA_OPTS="-Xms64m -Xmx160m -XX:MaxGCPauseMillis=5 -XX:SharedArchiveFile=integration-sandbox.jsa"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar integration-sandbox.jar \"$@\"", "--"]
