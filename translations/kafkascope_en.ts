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
        <source>%1 is offline: no replica may lead</source>
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
    <message>
        <source>Elect &amp;Preferred Leaders</source>
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
    <message>
        <source>%1 (%2/s, %3)</source>
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
        <source>  ·  producers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  consumers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokers</source>
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
        <source>simulated time (s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
