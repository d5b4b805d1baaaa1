#!/bin/sh
# Run once by docker-compose.yml's kafka-init as the administrator: one SCRAM user per service, the topics, and
# each service's ACLs — it writes only the topics it owns and reads only what it consumes (DESIGN.md, Services and
# ownership). Re-running is harmless: users are upserted, existing topics and ACLs kept.
set -eu
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_PLEDGE_PASSWORD:?}" "${KAFKA_RECOGNITION_PASSWORD:?}" \
  "${KAFKA_REPORTING_PASSWORD:?}" "${KAFKA_PUBLISHER_THAI_NGUYEN_PASSWORD:?}" "${KAFKA_PUBLISHER_HA_NOI_PASSWORD:?}"
bin=/opt/kafka/bin
servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
admin=/tmp/admin.properties
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

until "$bin/kafka-topics.sh" --bootstrap-server "$servers" --command-config "$admin" --list >/dev/null 2>&1; do
  echo "waiting for the brokers …"; sleep 3
done

user() {
  "$bin/kafka-configs.sh" --bootstrap-server "$servers" --command-config "$admin" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
user pledge-service "$KAFKA_PLEDGE_PASSWORD"
user recognition-service "$KAFKA_RECOGNITION_PASSWORD"
user reporting-service "$KAFKA_REPORTING_PASSWORD"

# The same topics the services declare (platform KafkaConfiguration), created here because no service may create
# topics: at startup the services find them and only describe them.
topic() {
  name=$1; shift
  "$bin/kafka-topics.sh" --bootstrap-server "$servers" --command-config "$admin" --create --if-not-exists \
    --topic "$name" --partitions "${NEUGUONG_TOPICS_PARTITIONS:-12}" --replication-factor 3 \
    --config min.insync.replicas=2 "$@"
}
for events in neuguong.pledge.events neuguong.recognition.events neuguong.report.events; do
  topic "$events" --config retention.ms=-1
  topic "$events.dlq" --config retention.ms=-1
done
for state in neuguong.org-units neuguong.aggregates; do
  topic "$state" --config cleanup.policy=compact
  topic "$state.dlq" --config retention.ms=-1
done

# allow <principal> <kafka-acls.sh resource and operation options>
allow() {
  who=$1; shift
  "$bin/kafka-acls.sh" --bootstrap-server "$servers" --command-config "$admin" --add --allow-principal "User:$who" "$@"
}
# produces <principal> <topic>…: the topics it owns
produces() {
  who=$1; shift
  for t in "$@"; do allow "$who" --operation Write --operation Describe --topic "$t"; done
}
# consumes <principal> <topic>…: reads them, and dead-letters what it cannot read to <topic>.dlq
consumes() {
  who=$1; shift
  for t in "$@"; do
    allow "$who" --operation Read --operation Describe --topic "$t"
    allow "$who" --operation Write --operation Describe --topic "$t.dlq"
  done
}
for service in pledge-service recognition-service reporting-service; do
  allow "$service" --operation Describe --topic neuguong. --resource-pattern-type prefixed
done

produces pledge-service neuguong.pledge.events
consumes pledge-service neuguong.org-units

produces recognition-service neuguong.recognition.events
consumes recognition-service neuguong.org-units neuguong.pledge.events
allow recognition-service --operation Read --operation Describe --group recognition-service. \
  --resource-pattern-type prefixed

produces reporting-service neuguong.org-units neuguong.report.events neuguong.aggregates
consumes reporting-service neuguong.org-units neuguong.pledge.events neuguong.recognition.events \
  neuguong.report.events neuguong.aggregates
# Kafka Streams (application id reporting-aggregates, and reporting-aggregates-* for a rebuild): its consumer
# groups, its internal repartition and changelog topics, its exactly-once transactional ids
allow reporting-service --operation Read --operation Describe --group reporting-aggregates \
  --resource-pattern-type prefixed
allow reporting-service --operation All --topic reporting-aggregates --resource-pattern-type prefixed
allow reporting-service --operation Write --operation Describe --transactional-id reporting-aggregates \
  --resource-pattern-type prefixed
# The inbound command channel (docs/inbound.md). Each consuming service reads every publisher's commands of its
# channel (one pattern subscription: pledges, reports, nominations), answers on each publisher's outcomes topic and
# dead-letters unreadable records.
topic neuguong.inbound-dlq --config retention.ms=-1
topic neuguong.outcomes
inbound() {
  who=$1
  allow "$who" --operation Read --operation Describe --topic neuguong.inbound. --resource-pattern-type prefixed
  allow "$who" --operation Read --group "$who-inbound"
  allow "$who" --operation Write --operation Describe --topic neuguong.outcomes --resource-pattern-type prefixed
  allow "$who" --operation Write --operation Describe --topic neuguong.inbound-dlq
}
inbound pledge-service
inbound reporting-service
inbound recognition-service

# publisher <name> <password>: a province's system. It writes only its own command topics (prefixed
# neuguong.inbound.<name>. — names have no dots, so the prefix covers no other publisher) and reads only its own
# outcomes (literal: a prefix would also cover longer names), with consumer groups <name>.*.
publisher() {
  name=$1
  user "$name" "$2"
  for channel in pledges reports nominations; do topic "neuguong.inbound.$name.$channel"; done
  topic "neuguong.outcomes.$name"
  allow "$name" --operation Write --operation Describe --topic "neuguong.inbound.$name." --resource-pattern-type prefixed
  allow "$name" --operation Read --operation Describe --topic "neuguong.outcomes.$name"
  allow "$name" --operation Read --group "$name." --resource-pattern-type prefixed
}
publisher thai-nguyen "$KAFKA_PUBLISHER_THAI_NGUYEN_PASSWORD"
publisher ha-noi "$KAFKA_PUBLISHER_HA_NOI_PASSWORD"

echo "Kafka users, topics and ACLs are in place."
