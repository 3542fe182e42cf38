<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>KeyLegendItem</name>
    <message>
        <source>Record keys:</source>
        <translation>레코드 키:</translation>
    </message>
    <message>
        <source>null key</source>
        <translation>null 키</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kafkascope — a Kafka cluster you can watch</source>
        <translation>Kafkascope — 눈으로 보는 카프카 클러스터</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>시뮬레이션(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation>시뮬레이션 일시정지 (Space)</translation>
    </message>
    <message>
        <source>Run the simulation (Space)</source>
        <translation>시뮬레이션 실행 (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Pause and advance 100 ms of simulated time (→)</source>
        <translation>일시정지하고 시뮬레이션 시간을 100 ms 진행 (→)</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <source>Save &amp;Screenshot…</source>
        <translation>스크린샷 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Kafkascope</source>
        <translation>Kafkascope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <source>Speed </source>
        <translation>속도 </translation>
    </message>
    <message>
        <source>Simulated seconds per real second (+ and − change it)</source>
        <translation>실제 1초당 시뮬레이션 초 (+와 −로 변경)</translation>
    </message>
    <message>
        <source> Produce to </source>
        <translation> 프로듀스 대상 </translation>
    </message>
    <message>
        <source> key </source>
        <translation> 키 </translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>예: alice</translation>
    </message>
    <message>
        <source>The record key. Records with the same key always go to the same partition.</source>
        <translation>레코드 키. 같은 키를 가진 레코드는 항상 같은 파티션으로 갑니다.</translation>
    </message>
    <message>
        <source>null key</source>
        <translation>null 키</translation>
    </message>
    <message>
        <source>Send the record without a key: the sticky partitioner picks the partition.</source>
        <translation>키 없이 레코드를 보냅니다: 스티키 파티셔너가 파티션을 고릅니다.</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>프로듀스</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Simulated time %1</source>
        <translation>시뮬레이션 시간 %1</translation>
    </message>
    <message>
        <source>Speed %1%2</source>
        <translation>속도 %1%2</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (일시정지)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) stored</source>
        <translation><numerusform>저장된 레코드 %n개</numerusform></translation>
    </message>
    <message>
        <source>sent from the toolbar</source>
        <translation>도구 모음에서 보냄</translation>
    </message>
    <message>
        <source>Could not produce: %1</source>
        <translation>프로듀스할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Null key → the sticky partitioner chose partition %1 of “%2”.</source>
        <translation>null 키 → 스티키 파티셔너가 “%2”의 파티션 %1을(를) 골랐습니다.</translation>
    </message>
    <message>
        <source>Key “%1” → murmur2 %2 → toPositive %3 mod %4 = partition %5 of “%6”.</source>
        <translation>키 “%1” → murmur2 %2 → toPositive %3 mod %4 = “%6”의 파티션 %5.</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1: %2</source>
        <translation>스크린샷을 %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Save Screenshot</source>
        <translation>스크린샷 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>About Kafkascope</source>
        <translation>Kafkascope 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kafkascope %1&lt;/h3&gt;&lt;p&gt;A desktop explorer and simulator of Apache Kafka: a cluster runs inside the app, and you watch records hash to partitions, logs grow and consumers follow.&lt;/p&gt;&lt;p&gt;Space plays and pauses, → steps, + and − change the speed.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kafkascope %1&lt;/h3&gt;&lt;p&gt;아파치 카프카를 탐색하고 시뮬레이션하는 데스크톱 앱입니다. 앱 안에서 클러스터가 돌아가고, 레코드가 해시되어 파티션에 들어가고 로그가 자라며 컨슈머가 따라가는 모습을 볼 수 있습니다.&lt;/p&gt;&lt;p&gt;Space는 재생/일시정지, →는 한 단계, +와 −는 속도를 바꿉니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PartitionLogScene</name>
    <message>
        <source>null keys</source>
        <translation>null 키</translation>
    </message>
    <message>
        <source>keyed</source>
        <translation>키 있음</translation>
    </message>
    <message>
        <source>%1 (%2/s, %3)</source>
        <translation>%1 (초당 %2개, %3)</translation>
    </message>
    <message numerus="yes">
        <source>Topic %1 · %n partition(s)</source>
        <translation><numerusform>토픽 %1 · 파티션 %n개</numerusform></translation>
    </message>
    <message>
        <source>  ·  producers: %1</source>
        <translation>  ·  프로듀서: %1</translation>
    </message>
    <message>
        <source>  ·  consumers: %1</source>
        <translation>  ·  컨슈머: %1</translation>
    </message>
</context>
<context>
    <name>PartitionStripItem</name>
    <message>
        <source>LEO %1</source>
        <translation>LEO %1</translation>
    </message>
    <message>
        <source>%1 (lag %2)</source>
        <translation>%1 (랙 %2)</translation>
    </message>
</context>
<context>
    <name>PartitionsModel</name>
    <message>
        <source>%1: position %2, lag %3</source>
        <translation>%1: 위치 %2, 랙 %3</translation>
    </message>
    <message>
        <source>No consumer reads this topic</source>
        <translation>이 토픽을 읽는 컨슈머가 없습니다</translation>
    </message>
    <message>
        <source>Log-end offset: the offset the next record will get</source>
        <translation>로그 끝 오프셋: 다음 레코드가 받을 오프셋</translation>
    </message>
    <message>
        <source>Log start offset: the first offset still in the log</source>
        <translation>로그 시작 오프셋: 로그에 남아 있는 첫 오프셋</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>(null)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Start offset</source>
        <translation>시작 오프셋</translation>
    </message>
    <message>
        <source>End offset</source>
        <translation>끝 오프셋</translation>
    </message>
    <message>
        <source>Last key</source>
        <translation>마지막 키</translation>
    </message>
    <message>
        <source>Max lag</source>
        <translation>최대 랙</translation>
    </message>
</context>
<context>
    <name>TrafficCharts</name>
    <message>
        <source>Records produced per second</source>
        <translation>초당 프로듀스된 레코드</translation>
    </message>
    <message>
        <source>Consumer lag (records)</source>
        <translation>컨슈머 랙 (레코드)</translation>
    </message>
    <message>
        <source>simulated time (s)</source>
        <translation>시뮬레이션 시간 (초)</translation>
    </message>
</context>
</TS>
