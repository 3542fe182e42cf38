<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BrokerCardItem</name>
    <message>
        <source>Broker %1: leads %2 partition(s), follows %3 (%4 out of sync). Click to select (B kills the selected broker); right-click for actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 is down. Right-click to restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leads %1 · follows %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its replicas are offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replica(s) out of sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 is fenced: the controller has not heard from it for broker.session.timeout.ms, so it leads nothing and is in no ISR. Once the network heals it is unfenced and catches up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rack %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowed down: every message to or from it takes %1 ms longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow +%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientNodeItem</name>
    <message>
        <source>Producer %1: its records fly to the leader of their partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1: records its polls return fly here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its process is paused (like a long garbage-collection pause): it sends nothing, and what reaches it waits until it resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsumerDialog</name>
    <message>
        <source>Add Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: no group, read every partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enable.auto.commit (every 5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms per record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the application works on each record. Above max.poll.interval.ms (300 s) per poll, the consumer is kicked out of its group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: static membership (group.instance.id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group (group.id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group.instance.id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id: a consumer needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic: create a topic first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group.instance.id: static membership needs a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earliest (the log start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest (only new records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (fail without a committed offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto.offset.reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Brokers and network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics and leadership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records and high watermarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 joined the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 shut down (controlled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 was decommissioned and left the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no controller: every broker is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 is the controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topic %1 created: %2 partitions, replication factor %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topic %1 grew from %2 to %3 partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topic %1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: broker %2 elected leader, epoch %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ISR is now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ISR is now %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reassignment to %2 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reassignment done, replicas %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: leader %2 appended %n record(s) at offset %3</source>
        <translation>
            <numerusform>%1: leader %2 appended %n record at offset %3</numerusform>
            <numerusform>%1: leader %2 appended %n records at offset %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: follower %2 copied %n record(s) at offset %3</source>
        <translation>
            <numerusform>%1: follower %2 copied %n record at offset %3</numerusform>
            <numerusform>%1: follower %2 copied %n records at offset %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: high watermark %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: broker %2 truncated its log to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer %1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1 (%2) at simTime %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 shuts down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclean: acknowledged records may be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controlled shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reassignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of sync for replica.lag.time.max.ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1: max.poll.interval.ms passed without a poll; it left its group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1: partitions revoked (onPartitionsRevoked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1: partitions assigned (onPartitionsAssigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1: partitions lost, nothing committed (onPartitionsLost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 seeks %2 to offset %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 paused %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 resumed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new member join timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not rejoin in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SyncGroup in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced by its static successor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over group.max.size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the leader rejoined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member&apos;s subscription changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1 removed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebalance started, generation %1 ends (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebalance started, generation %1 ends (%2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generation %1: no members</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>generation %1: %n member(s), assignor %2, leader %3</source>
        <translation>
            <numerusform>generation %1: %n member, assignor %2, leader %3</numerusform>
            <numerusform>generation %1: %n members, assignor %2, leader %3</numerusform>
        </translation>
    </message>
    <message>
        <source>state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 is the coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 no longer coordinates the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset of %1 reset from %2 to %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset of %1 reset to %2 (%3; nothing was committed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1 now takes %2 ms per record</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: broker %2 deleted %n segment(s) past retention; log start offset %3</source>
        <translation>
            <numerusform>%1: broker %2 deleted %n segment past retention; log start offset %3</numerusform>
            <numerusform>%1: broker %2 deleted %n segments past retention; log start offset %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: broker %2 compacted its log, %n record(s) removed</source>
        <translation>
            <numerusform>%1: broker %2 compacted its log, %n record removed</numerusform>
            <numerusform>%1: broker %2 compacted its log, %n records removed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is offline: no replica may lead (epoch %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1: the partitions of its group&apos;s topics changed since the last assignment; it rejoins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer %1: epoch bumped to %2, sequences restart at 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 fenced by the controller: no heartbeat within broker.session.timeout.ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 unfenced: its heartbeats reach the controller again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 joined the cluster in rack %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1 is in rack %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replicas removed: same leader, new epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer %1&apos;s process paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1&apos;s process paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer %1&apos;s process paused for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1&apos;s process paused for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer %1&apos;s process resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer %1&apos;s process resumed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogWidget</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (e.g. orders-1, broker 2, billing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the events shown (with the filter applied) as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>The coordinator&apos;s state of the group (Kafka&apos;s classic protocol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records below the high watermark that the group has not committed yet, over all its partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1, coordinated by broker %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1: no coordinator is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Member id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static member: group.instance.id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session.timeout.ms %1, rebalance timeout %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group / member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined: its JoinGroup waits for the join phase to end. Waiting for its assignment: its SyncGroup waits for the leader&apos;s. Must rejoin: a rebalance started and it has not sent JoinGroup yet (it learns from its next heartbeat).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joined, waiting for the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for its assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must rejoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorModel</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a broker, a partition, a record or a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a broker card, a partition or one of its records, a row of the partitions table or a consumer group, or choose from Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the cluster at this time (decommissioned, or not added yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up, being decommissioned (its replicas move away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reaches every broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut off from broker(s) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused: receives nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group coordinator for</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message>
        <source>Partitions led</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1, ISR %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in sync, caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of sync, caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in sync, %n record(s) behind the leader</source>
        <translation>
            <numerusform>in sync, %n record behind the leader</numerusform>
            <numerusform>in sync, %n records behind the leader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>out of sync, %n record(s) behind the leader</source>
        <translation>
            <numerusform>out of sync, %n record behind the leader</numerusform>
            <numerusform>out of sync, %n records behind the leader</numerusform>
        </translation>
    </message>
    <message>
        <source>Out-of-sync replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follower replicas on this broker that are not in their partition&apos;s ISR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leads %1, follows %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions of the internal topic of committed offsets and group metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist at this time (the topic was deleted, or not created yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In assignment order: the first is the preferred leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incremented by every election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-sync replicas: the leader and the followers that are caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassigning to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log start offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumers read only below it; every in-sync replica has these records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log end offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leader&apos;s log end offset: the offset the next record will get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, out of sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n behind</source>
        <translation>
            <numerusform>, %n behind</numerusform>
            <numerusform>, %n behind</numerusform>
        </translation>
    </message>
    <message>
        <source>, broker down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High watermark minus the committed offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position %1, lag %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica of %1-%2 on broker %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist at this time (moved away, the topic was deleted, or not created yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-%2 on broker %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In ISR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The high watermark this replica knows (a follower learns it from its fetches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leader epoch this replica last heard of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind the leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leader&apos;s log end offset minus this replica&apos;s, in records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A follower that has not caught up for replica.lag.time.max.ms (%1 ms) leaves the ISR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the cluster at this time (not added yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set, but not in effect without acks=all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RoundRobinPartitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in (murmur2 for keys, sticky for null keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (sends only on request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random (Poisson) arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bursts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fixed interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records/s, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>uniform over %n key(s)</source>
        <translation>
            <numerusform>uniform over %n key</numerusform>
            <numerusform>uniform over %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a few hot keys among %n key(s)</source>
        <translation>
            <numerusform>a few hot keys among %n key</numerusform>
            <numerusform>a few hot keys among %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Zipf over %n key(s)</source>
        <translation>
            <numerusform>Zipf over %n key</numerusform>
            <numerusform>Zipf over %n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>null keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the producer was told were written (with acks=0: every record sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records given up after delivery.timeout.ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Produce requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: reads every partition of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms per record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handed off to a worker thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the poll loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto commit every %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commitSync after processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commitAsync after processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records poll() returned to the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched from the brokers, not returned by poll() yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position unknown yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next offset it will fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last offset it committed (or fetched from the coordinator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High watermark minus its position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no live coordinator knows this group at this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinator&apos;s state of the group (Kafka&apos;s classic protocol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, lag %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High watermark minus the committed offset, over all its partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1-%2 @ %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its partition does not exist at this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not written yet at this time (the log ends at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted: the log now starts at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer in the log (compaction kept a later record with its key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-%2 @ %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the high watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed: every in-sync replica has it, so consumers may read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CreateTime: when the producer sent it (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null (a tombstone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key: the sticky partitioner chose the partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka&apos;s murmur2 of the key&apos;s bytes (a signed 32-bit int)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition for the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mod %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no: written by another partitioner, with an explicit partition, or before partitions were added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up, fenced by the controller (cut off from it: no heartbeat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The controller is the live broker with the lowest id among those that reach a majority of the brokers: it elects leaders, tracks ISRs and fences brokers cut off from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker.rack: when every broker has a rack, Kafka places a partition&apos;s replicas on as many racks as it can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No broker.rack: when no broker has a rack, replica placement is rack-unaware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen like in a long garbage-collection pause: it sends nothing, and answers wait until it resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records its members&apos; applications finished processing, each time counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At-least-once: records processed again, after a rebalance or a restart from an older committed offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At-most-once: offsets below the committed offset that no member processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broker %1: %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links to these brokers take this long instead of the network&apos;s %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorWidget</name>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect a broker, producer, consumer or consumer group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row that names a broker, replica, partition, consumer or group to inspect it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 (down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyLegendItem</name>
    <message>
        <source>Record keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkLatencyDialog</name>
    <message>
        <source>Latency Between Two Brokers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long every message between these two brokers takes, both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s latency (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fetch between these brokers takes %1 ms there and back. The high watermark is the smallest log end offset in the ISR, so a follower this far from its leader holds acks=all writes back by as much, until it falls out of the ISR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster has no brokers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different brokers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogBrowserWindow</name>
    <message>
        <source>“%1” is not an offset: type a whole number from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an offset first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a partition or a segment on the left first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record at or after offset %1: the records shown end before offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset %1 holds no record (removed by compaction, or before the start); showing the next one, offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record has a timestamp at or after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a partition or a segment on the left to see its records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition %1: offsets %2 to %3 (log-end offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment %1: offsets %2 to %3 (next offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) could not be decoded and are skipped.</source>
        <translation>
            <numerusform>%n batch could not be decoded and is skipped.</numerusform>
            <numerusform>%n batches could not be decoded and are skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: nothing is ever written to these files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n partition</numerusform>
            <numerusform>%n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found when opening</source>
        <translation>
            <numerusform>%n problem found when opening</numerusform>
            <numerusform>%n problems found when opening</numerusform>
        </translation>
    </message>
    <message>
        <source>Kafka log directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Kafka log directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to &amp;offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first record at or after this offset is selected (compaction leaves gaps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to &amp;time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first record whose timestamp is at or after this time, as ListOffsets finds it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogDirectoryModel</name>
    <message>
        <source>Cannot read this folder (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read: it follows a damaged segment or overlaps another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a partition folder: the name is not &lt;topic&gt;-&lt;partition&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no partition folders and no log segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>A segment&apos;s base offset; a partition&apos;s log start offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset after the last record (a partition&apos;s log-end offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first batch&apos;s largest timestamp (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest record timestamp (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogRecordsModel</name>
    <message>
        <source>The segment with base offset %1 was not read (see its problems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable batch at offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch at offset %1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>null key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null value (a tombstone when the record has a key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first offset of the record&apos;s batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record&apos;s timestamp (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 characters of the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the batch&apos;s CRC-32C matches its content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The producer&apos;s sequence number of this record (idempotent producers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partition leader epoch of the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader epoch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kafkascope — a Kafka cluster you can watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the simulation (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause and advance 100 ms of simulated time (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Screenshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kafkascope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated seconds per real second (+ and − change it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Produce to </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> key </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record key. Records with the same key always go to the same partition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the record without a key: the sticky partitioner picks the partition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Produce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) stored</source>
        <translation>
            <numerusform>%n record stored</numerusform>
            <numerusform>%n records stored</numerusform>
        </translation>
    </message>
    <message>
        <source>sent from the toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not produce: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Null key → the sticky partitioner chose partition %1 of “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key “%1” → murmur2 %2 → toPositive %3 mod %4 = partition %5 of “%6”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kafkascope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kafkascope %1&lt;/h3&gt;&lt;p&gt;A desktop explorer and simulator of Apache Kafka: a cluster runs inside the app, and you watch records hash to partitions, logs grow and consumers follow.&lt;/p&gt;&lt;p&gt;Space plays and pauses, → steps, + and − change the speed.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Kafka &amp;Log Directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the segments and records of a Kafka log directory, read-only (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Kafka Log Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokers %1/%2 up · controller %3 · lost %4 · duplicates %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost: acknowledged records no leader holds any more. Duplicates: records written twice by retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 (down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill (crash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shut down (controlled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shut down broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preferred leader election: %n leader(s) moved</source>
        <translation>
            <numerusform>Preferred leader election: %n leader moved</numerusform>
            <numerusform>Preferred leader election: %n leaders moved</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rewind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause and rewind 100 ms of simulated time (←): the cluster is rebuilt as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the end of the timeline (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag back to see the cluster as it was at any earlier moment. Playing or acting from there starts a new future; the old one is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill the Selected Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash the broker whose card is selected (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a broker first: click its card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, larger text and stronger contrast for a projector (F11; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presenter mode: Space plays and pauses, → steps, ← goes back, + and − change the speed, B crashes the selected broker, Esc leaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onsumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (leaves its group at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close consumer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash (its group notices after session.timeout.ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash consumer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 joined at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Topic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Producer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Consumer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records in the user&apos;s topics; engine events run per wall-clock second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut broker %1 off from the other brokers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network split around broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heal the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network healed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader: broker %1, in-sync replicas %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partition is offline: the record waits for a leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consumer reads it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Group Offsets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Processing Time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing Time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the offsets of group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time of consumer %1: %2 ms per record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Group Offsets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafkascope scenarios (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a scenario file: its cluster, timeline, narration and checkpoints (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing “%1”: press Play or Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Playing “%1” (%n warning(s): %2)</source>
        <translation>
            <numerusform>Playing “%1” (%n warning: %2)</numerusform>
            <numerusform>Playing “%1” (%n warnings: %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Pa&amp;rtitions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session as Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafkascope scenarios (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve Session as Scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every session is recorded: write what you did since the demo or scenario started as a scenario file that replays exactly (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved the session to %1: %n action(s) up to %2. Open it with File › Open Scenario… or run it with kafkascope run</source>
        <translation>
            <numerusform>Saved the session to %1: %n action up to %2. Open it with File › Open Scenario… or run it with kafkascope run</numerusform>
            <numerusform>Saved the session to %1: %n actions up to %2. Open it with File › Open Scenario… or run it with kafkascope run</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brokers have racks (broker.rack), and Kafka places replicas across them.
Rack of the new broker (pick one or type a new name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 joined rack %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow down broker %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore broker %1&apos;s speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 at normal speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network &amp;conditions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow Down Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker %1 slowed down by %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: latency %1 ms, jitter %2 ms, loss %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every message to or from broker %1 takes this much longer (extra delay, ms).
Under steady writes, a follower slowed by more than about a quarter of replica.lag.time.max.ms (30 s) falls out of the ISR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer %1&apos;s process resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the process (GC pause)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer %1&apos;s process freezes, like in a long garbage-collection pause: it sends nothing, its records wait in its buffer, and answers wait until it resumes. Records older than delivery.timeout.ms (120 s) then fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process freezes, like in a long garbage-collection pause: no polls, no heartbeats. Longer than session.timeout.ms (45 s) and its group removes it and rebalances; when it resumes it finds out and rejoins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Producer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Consumer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause for (seconds; 0: until you resume it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer %1&apos;s process paused for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process paused for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer %1&apos;s process paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process paused until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;ducers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Elect Preferred Leaders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latency between two brokers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency between brokers %1 and %2: %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokers %1 and %2 back to the network&apos;s latency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NarrationPanel</name>
    <message>
        <source>No lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open one from the Lessons menu, or a scenario file with File › Open Scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s); the first at %1</source>
        <translation>
            <numerusform>%n step; the first at %1</numerusform>
            <numerusform>%n steps; the first at %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No narration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Play, or Next › to go to the first step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints: %1 held, %2 failed, %3 to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous step (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play on to the next step (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkConditionsDialog</name>
    <message>
        <source>Network Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long every message between two nodes (brokers and clients) takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each message takes a further delay drawn at random from 0 up to this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of messages lost on the way. A lost request is never answered: the client waits for its request timeout, then retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request and its answer take %1 to %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of messages are lost: clients wait for their request timeout and retry, followers fetch again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartitionLogScene</name>
    <message>
        <source>null keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Topic %1 · %n partition(s)</source>
        <translation>
            <numerusform>Topic %1 · %n partition</numerusform>
            <numerusform>Topic %1 · %n partitions</numerusform>
        </translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartitionStripItem</name>
    <message>
        <source>LEO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (lag %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B%1 leader · epoch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B%1 in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B%1 out of sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B%1 offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HW %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEO %1 (−%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartitionsDialog</name>
    <message>
        <source>Add Partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It has %n partition(s). Kafka can only add partitions; afterwards a key&apos;s partition is murmur2(key) mod the new count, so many keys move to another partition.</source>
        <translation>
            <numerusform>It has %n partition. Kafka can only add partitions; afterwards a key&apos;s partition is murmur2(key) mod the new count, so many keys move to another partition.</numerusform>
            <numerusform>It has %n partitions. Kafka can only add partitions; afterwards a key&apos;s partition is murmur2(key) mod the new count, so many keys move to another partition.</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic: there is no topic to grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions in all: %1 has %2 already; a topic&apos;s partitions can only be increased.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartitionsModel</name>
    <message>
        <source>%1: position %2, lag %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consumer reads this topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log-end offset: the offset the next record will get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log start offset: the first offset still in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High watermark: consumers read only below it; every in-sync replica has these records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader: broker %1, leader epoch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no in-sync replica is alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-sync replicas (brokers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessingTimeDialog</name>
    <message>
        <source>Consumer Processing Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms per record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the application works on each record from now on. 0: it keeps up with anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consumer is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records are processed the moment poll() returns them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 records/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full poll (%1 records) would take %2 s, longer than max.poll.interval.ms (%3 s): processing in the poll loop, the consumer would leave its group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer: no running consumer to change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProducerDialog</name>
    <message>
        <source>Add Producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform over N keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a few hot keys (80% of records on 20% of keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zipf over N keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null keys (sticky partitioner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enable.idempotence (with acks=all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in (murmur2 for keys, sticky for null keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RoundRobinPartitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N (distinct keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linger.ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id: a producer needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic: create a topic first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RebalanceTimelineCanvas</name>
    <message>
        <source>joining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joining (PreparingRebalance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syncing (CompletingRebalance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitions owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ assigned  ▼ revoked (dark: lost)  ✕ removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RebalanceTimelineWidget</name>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 10 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consumer group has joined yet. Group members, their generations and the partitions they own will show here as swimlanes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetOffsetsDialog</name>
    <message>
        <source>Reset Group Offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an inactive group (no running members: state Empty) can be reset, as with Kafka&apos;s kafka-consumer-groups --reset-offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every partition the group committed (--all-topics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earliest (the log start offset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest (the high watermark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a given offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shifted by N from the committed offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset or shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. -10 (back) or 5 (forward)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: name the group whose offsets to reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset: a whole number is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift: a whole number is needed (negative goes back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(fill in the fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would be refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicDialog</name>
    <message>
        <source>New Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete (retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compact (last value per key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compact,delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclean.leader.election.enable (an out-of-sync replica may lead: records can be lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min.insync.replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleanup.policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: a topic needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min.insync.replicas (%1) cannot exceed the replication factor (%2): no write with acks=all could succeed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficCharts</name>
    <message>
        <source>Records produced per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer lag (records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer lag (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag of %1 per partition (records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag of %1 per partition (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under-replicated and offline partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebalances (how long each took)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in-sync replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under-replicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISR size (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records appended to each topic per simulated second (internal topics left out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Records&lt;/b&gt;: the high watermark minus the group&apos;s committed offset, summed over its partitions (the LAG column of kafka-consumer-groups --describe).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Seconds&lt;/b&gt;: the age of the oldest record the group has not committed yet, the largest over its partitions; 0 when it is caught up (the time lag of kafka-lag-exporter and Burrow). Offsets are committed now and then (auto commit: every 5 s), so both rise between commits.&lt;/p&gt;&lt;p&gt;A consumer without a group counts from its position instead of a committed offset. Choose a group above to see its partitions.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Under-replicated&lt;/b&gt;: partitions with a leader whose in-sync replicas are fewer than their replicas (Kafka&apos;s UnderReplicatedPartitions).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Offline&lt;/b&gt;: partitions without a leader (OfflinePartitionsCount).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ISR size&lt;/b&gt; (right axis): in-sync replicas over all partitions.&lt;/p&gt;&lt;p&gt;The internal __consumer_offsets topic is left out.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A bar per rebalance of each consumer group, where it began and as high as it lasted: from PreparingRebalance until the group is Stable again (or empty). Meanwhile the group&apos;s consumers read nothing (eager protocol) or only the partitions they keep (cooperative).&lt;/p&gt;&lt;p&gt;The legend counts each group&apos;s rebalances and gives its latest generation.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Produced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups (one line each), or the partitions of one group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the four charts as one PNG image (right-click a chart to save it alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the four charts as one PDF page (right-click a chart to save it alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rebalance(s), generation %2</source>
        <translation>
            <numerusform>%1: %n rebalance, generation %2</numerusform>
            <numerusform>%1: %n rebalances, generation %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Charts as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Charts as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the charts to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafkascope charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
