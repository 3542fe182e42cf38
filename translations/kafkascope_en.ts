<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>KeyLegendItem</name>
    <message>
        <source>Record keys:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>null key</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kafkascope — a Kafka cluster you can watch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the simulation (Space)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause and advance 100 ms of simulated time (→)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save &amp;Screenshot…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Kafkascope</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated seconds per real second (+ and − change it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> Produce to </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> key </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. alice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The record key. Records with the same key always go to the same partition.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>null key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the record without a key: the sticky partitioner picks the partition.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Produce</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated time %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed %1%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (paused)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n record(s) stored</source>
        <translation><numerusform>%n record stored</numerusform><numerusform>%n records stored</numerusform></translation>
    </message>
    <message>
        <source>sent from the toolbar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not produce: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Null key → the sticky partitioner chose partition %1 of “%2”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key “%1” → murmur2 %2 → toPositive %3 mod %4 = partition %5 of “%6”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write the screenshot to %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save Screenshot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Kafkascope</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;Kafkascope %1&lt;/h3&gt;&lt;p&gt;A desktop explorer and simulator of Apache Kafka: a cluster runs inside the app, and you watch records hash to partitions, logs grow and consumers follow.&lt;/p&gt;&lt;p&gt;Space plays and pauses, → steps, + and − change the speed.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PartitionLogScene</name>
    <message>
        <source>null keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>keyed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2/s, %3)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Topic %1 · %n partition(s)</source>
        <translation><numerusform>Topic %1 · %n partition</numerusform><numerusform>Topic %1 · %n partitions</numerusform></translation>
    </message>
    <message>
        <source>  ·  producers: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  ·  consumers: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PartitionStripItem</name>
    <message>
        <source>LEO %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (lag %2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PartitionsModel</name>
    <message>
        <source>%1: position %2, lag %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No consumer reads this topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log-end offset: the offset the next record will get</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log start offset: the first offset still in the log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(null)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start offset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End offset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Max lag</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TrafficCharts</name>
    <message>
        <source>Records produced per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Consumer lag (records)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
