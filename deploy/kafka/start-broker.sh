#!/bin/sh
# Starts one combined KRaft broker/controller of docker-compose.yml with authentication and authorization on.
#
#   clients and brokers (INTERNAL :9092)   SASL_PLAINTEXT, SCRAM-SHA-512; switch to SASL_SSL for traffic that
#                                          leaves a trusted network (docs/security.md)
#   controllers (CONTROLLER :9093)          SASL_PLAINTEXT, PLAIN with a static controller credential: SCRAM
#                                          credentials live in the metadata log, which the quorum needs first
#
# The first start formats the storage with the SCRAM credentials that must exist before the cluster runs (the
# brokers' own and the administrator's); kafka-init adds the services' users and their ACLs afterwards. ACLs are
# enforced by StandardAuthorizer, and a resource without an ACL is denied to everyone but the super users.
set -eu
: "${KAFKA_NODE_ID:?}" "${KAFKA_CLUSTER_ID:?}" "${KAFKA_BROKER_PASSWORD:?}" "${KAFKA_CONTROLLER_PASSWORD:?}" \
  "${KAFKA_ADMIN_PASSWORD:?}"

config=/tmp/server.properties
cat > "$config" <<PROPERTIES
node.id=$KAFKA_NODE_ID
process.roles=broker,controller
controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093
listeners=INTERNAL://:9092,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka-$KAFKA_NODE_ID:9092
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
listener.name.internal.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$KAFKA_BROKER_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$KAFKA_CONTROLLER_PASSWORD" user_controller="$KAFKA_CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker;User:controller;User:admin
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
auto.create.topics.enable=false
log.dirs=/var/lib/kafka/data
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$KAFKA_CLUSTER_ID" --config "$config" \
  --add-scram "SCRAM-SHA-512=[name=broker,password=$KAFKA_BROKER_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
