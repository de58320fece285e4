# One image for every newsflow service; the command chooses: ingest, enrich, sink, up, search ...
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common/pom.xml common/pom.xml
COPY ingest/pom.xml ingest/pom.xml
COPY enrich/pom.xml enrich/pom.xml
COPY sink/pom.xml sink/pom.xml
COPY app/pom.xml app/pom.xml
COPY test-support/pom.xml test-support/pom.xml
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
# the same build path as the launcher and CI
RUN scripts/build-app.sh -q

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/newsflow --create-home newsflow
WORKDIR /var/lib/newsflow
COPY --from=build /src/app/target/lib /opt/newsflow/lib
COPY --from=build /src/app/target/newsflow.jar /opt/newsflow/newsflow.jar
USER newsflow
ENV NEWSFLOW_ADMIN_HOST=0.0.0.0 \
    NEWSFLOW_DATA_DIR=/var/lib/newsflow/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080 8081 8082 8083
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/newsflow/newsflow.jar"]
CMD ["--help"]
