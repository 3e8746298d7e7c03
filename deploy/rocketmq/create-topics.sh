#!/bin/sh
# Creates (or updates) the platform's RocketMQ topics. Idempotent: `mqadmin updateTopic` creates a
# missing topic and rewrites an existing one with the same settings, so it is safe to run on every
# `docker compose up` and by hand against any cluster:
#
#   NAMESRV_ADDR=namesrv-1:9876 ROCKETMQ_HOME=/opt/rocketmq sh deploy/rocketmq/create-topics.sh
#
# Environment (all optional):
#   NAMESRV_ADDR      name server(s), host:port[;host:port]   default rocketmq-namesrv:9876
#   ROCKETMQ_CLUSTER  cluster to create the topics on          default DefaultCluster
#   QUEUE_NUMS        read and write queues per broker         default 8
#   TOPICS            space-separated topic names              default: the five below
#   MQADMIN           path of mqadmin                          default $ROCKETMQ_HOME/bin/mqadmin
#   ATTEMPTS          tries per topic while the broker registers (5 s apart)   default 24
#
# The topic names must match com.fenxiao.common.event.Topics in common-lib.
set -eu

NAMESRV_ADDR="${NAMESRV_ADDR:-rocketmq-namesrv:9876}"
ROCKETMQ_CLUSTER="${ROCKETMQ_CLUSTER:-DefaultCluster}"
QUEUE_NUMS="${QUEUE_NUMS:-8}"
TOPICS="${TOPICS:-ORDER_EVENTS ORDER_EVENTS_DLQ RELATION_EVENTS COMMISSION_EVENTS WITHDRAWAL_EVENTS}"
ATTEMPTS="${ATTEMPTS:-24}"
if [ -z "${MQADMIN:-}" ]; then
    if [ -z "${ROCKETMQ_HOME:-}" ]; then
        echo "set ROCKETMQ_HOME (the RocketMQ distribution folder) or MQADMIN" >&2
        exit 2
    fi
    MQADMIN="${ROCKETMQ_HOME}/bin/mqadmin"
fi

# mqadmin exits 0 even when a command fails (it prints the stack trace), so success is read from
# its output: updateTopic -c prints "create topic to <broker> success." once per master broker,
# and nothing of the kind while the cluster is not yet registered with the name server.
create_topic() {
    topic="$1"
    i=1
    while [ "$i" -le "$ATTEMPTS" ]; do
        out=$(sh "$MQADMIN" updateTopic -n "$NAMESRV_ADDR" -c "$ROCKETMQ_CLUSTER" -t "$topic" \
            -r "$QUEUE_NUMS" -w "$QUEUE_NUMS" -p 6 2>&1) || true
        if printf '%s\n' "$out" | grep -q 'create topic to .* success'; then
            echo "topic $topic: $QUEUE_NUMS read/write queues on cluster $ROCKETMQ_CLUSTER"
            return 0
        fi
        echo "topic $topic: attempt $i/$ATTEMPTS failed, retrying in 5 s" >&2
        printf '%s\n' "$out" | tail -n 5 >&2
        i=$((i + 1))
        sleep 5
    done
    echo "topic $topic: could not be created on cluster $ROCKETMQ_CLUSTER via $NAMESRV_ADDR" >&2
    return 1
}

for topic in $TOPICS; do
    create_topic "$topic"
done

# Check that the name server now routes every topic (what producers and consumers ask for).
i=1
while :; do
    listed=$(sh "$MQADMIN" topicList -n "$NAMESRV_ADDR" 2>&1) || true
    missing=""
    for topic in $TOPICS; do
        printf '%s\n' "$listed" | grep -qx "$topic" || missing="$missing $topic"
    done
    if [ -z "$missing" ]; then
        echo "all topics routed by $NAMESRV_ADDR: $TOPICS"
        exit 0
    fi
    if [ "$i" -ge "$ATTEMPTS" ]; then
        echo "topics not routed by $NAMESRV_ADDR:$missing" >&2
        exit 1
    fi
    i=$((i + 1))
    sleep 5
done
