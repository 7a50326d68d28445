# Two stages: build the fat jar with Maven, run it on a JRE with the repository's contracts and
# fixtures. The pom is copied first so that the dependency layer is cached across source changes.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests -Dfmt.skip package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/integration-sandbox.jar integration-sandbox.jar
COPY contracts contracts
COPY fixtures fixtures
EXPOSE 8080
# The flags the benchmark measures with: a bounded heap and short GC pauses (README, "Running
# under load"). Inside a container every client is remote to the admin API: set
# SANDBOX_ADMIN_TOKEN and send it as the X-Sandbox-Admin-Token header (README, "Admin API").
ENV JAVA_OPTS="-Xms64m -Xmx160m -XX:MaxGCPauseMillis=5"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar integration-sandbox.jar \"$@\"", "--"]
