# The single-file server in a small image. Not built in this project's CI (no container runtime there); see
# docs/deploy.md ("Docker") for how to build and run it.
#   docker build -t conclave-server .
#   docker run -d -p 8080:8080 -p 8081:8081 -v conclave-data:/var/lib/conclave conclave-server

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api -p:PublishProfile=linux-x64 -p:PublishDir=/out/

# runtime-deps: the native libraries a self-contained .NET program needs, and the non-root user "app".
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /out/conclave-server /usr/local/bin/conclave-server
RUN mkdir -p /var/lib/conclave && chown "$APP_UID" /var/lib/conclave
# All interfaces inside the container, the database on the volume, native libraries unpacked under /tmp (so the
# root file system may be mounted read-only). Any other key: CONCLAVE_<KEY>, or mount /etc/conclave/conclave.json.
ENV CONCLAVE_LISTEN_ADDRESS=0.0.0.0 \
    CONCLAVE_DATABASE_PATH=/var/lib/conclave/conclave.db \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/conclave-bundle
# No umask needed: the server creates the database and the files beside it 0600 itself (docs/security.md, Files).
VOLUME /var/lib/conclave
WORKDIR /var/lib/conclave
USER $APP_UID
# 8080 spec routes (HTTP/1.1), 8081 gRPC (HTTP/2); with TLS configured, both on 8443.
EXPOSE 8080 8081 8443
# docker stop sends SIGTERM: requests in flight finish (30 s at most) and the database is checkpointed; give it
# the time (docker stop -t 45, compose stop_grace_period: 45s), docker's default 10 s cuts it short.
ENTRYPOINT ["conclave-server"]
