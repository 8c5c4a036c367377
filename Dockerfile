# syntax=docker/dockerfile:1.7
# One image recipe for both services: docker compose builds it with SERVICE=command-service or query-service.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
ARG SERVICE
# The cache mount keeps Maven's downloads between builds of the two services.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl ${SERVICE} -am package -DskipTests

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --no-create-home inkwell
ARG SERVICE
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER inkwell
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
# The same JVM settings as ./inkwell run, which keep each service under 512 MB resident under load (README,
# "Configuration"). JDK_JAVA_OPTIONS is read by the java launcher, so a deployment can replace them.
ENV JDK_JAVA_OPTIONS="-Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:MaxDirectMemorySize=64m -Xss512k"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
