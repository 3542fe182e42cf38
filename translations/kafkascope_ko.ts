<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BrokerCardItem</name>
    <message>
        <source>Broker %1: leads %2 partition(s), follows %3 (%4 out of sync). Click to select (B kills the selected broker); right-click for actions.</source>
        <translation>브로커 %1: 파티션 %2개의 리더, %3개의 팔로워 (%4개 동기화 안 됨). 클릭하면 선택 (B: 선택한 브로커 종료), 오른쪽 클릭하면 동작 메뉴.</translation>
    </message>
    <message>
        <source>Broker %1 is down. Right-click to restart it.</source>
        <translation>브로커 %1이(가) 다운됨. 오른쪽 클릭해서 재시작.</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source>down</source>
        <translation>다운</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>컨트롤러</translation>
    </message>
    <message>
        <source>leaving</source>
        <translation>떠나는 중</translation>
    </message>
    <message>
        <source>up</source>
        <translation>가동</translation>
    </message>
    <message>
        <source>leads %1 · follows %2</source>
        <translation>리더 %1 · 팔로워 %2</translation>
    </message>
    <message>
        <source>its replicas are offline</source>
        <translation>레플리카가 오프라인</translation>
    </message>
    <message>
        <source>%1 replica(s) out of sync</source>
        <translation>레플리카 %1개 동기화 안 됨</translation>
    </message>
    <message>
        <source>Broker %1 is fenced: the controller has not heard from it for broker.session.timeout.ms, so it leads nothing and is in no ISR. Once the network heals it is unfenced and catches up.</source>
        <translation>브로커 %1은(는) 펜싱되었습니다: 컨트롤러가 broker.session.timeout.ms 동안 하트비트를 받지 못해, 어떤 파티션도 이끌지 않고 어떤 ISR에도 없습니다. 네트워크가 복구되면 펜싱이 해제되고 따라잡습니다.</translation>
    </message>
    <message>
        <source>fenced</source>
        <translation>펜싱됨</translation>
    </message>
    <message>
        <source>rack %1</source>
        <translation>랙 %1</translation>
    </message>
    <message>
        <source>Slowed down: every message to or from it takes %1 ms longer.</source>
        <translation>느려짐: 이 브로커와 주고받는 모든 메시지가 %1 ms 더 걸립니다.</translation>
    </message>
    <message>
        <source>slow +%1 ms</source>
        <translation>느림 +%1 ms</translation>
    </message>
</context>
<context>
    <name>ClientNodeItem</name>
    <message>
        <source>Producer %1: its records fly to the leader of their partition</source>
        <translation>프로듀서 %1: 레코드가 해당 파티션의 리더로 날아갑니다</translation>
    </message>
    <message>
        <source>Consumer %1: records its polls return fly here</source>
        <translation>컨슈머 %1: poll이 반환한 레코드가 여기로 날아옵니다</translation>
    </message>
    <message>
        <source>Its process is paused (like a long garbage-collection pause): it sends nothing, and what reaches it waits until it resumes.</source>
        <translation>프로세스가 일시 정지됨 (긴 가비지 컬렉션 정지처럼): 아무것도 보내지 않고, 도착한 것은 재개될 때까지 기다립니다.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>정지</translation>
    </message>
</context>
<context>
    <name>ConsumerDialog</name>
    <message>
        <source>Add Consumer</source>
        <translation>컨슈머 추가</translation>
    </message>
    <message>
        <source>empty: no group, read every partition</source>
        <translation>비우면: 그룹 없이 모든 파티션을 읽음</translation>
    </message>
    <message>
        <source>enable.auto.commit (every 5 s)</source>
        <translation>enable.auto.commit (5초마다)</translation>
    </message>
    <message>
        <source> ms per record</source>
        <translation> ms (레코드당)</translation>
    </message>
    <message>
        <source>How long the application works on each record. Above max.poll.interval.ms (300 s) per poll, the consumer is kicked out of its group.</source>
        <translation>애플리케이션이 레코드 하나를 처리하는 시간. poll 한 번에 max.poll.interval.ms(300초)를 넘으면 컨슈머가 그룹에서 쫓겨납니다.</translation>
    </message>
    <message>
        <source>optional: static membership (group.instance.id)</source>
        <translation>선택: 정적 멤버십 (group.instance.id)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Group (group.id)</source>
        <translation>그룹 (group.id)</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당자</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>처리 시간</translation>
    </message>
    <message>
        <source>group.instance.id</source>
        <translation>group.instance.id</translation>
    </message>
    <message>
        <source>Client id: a consumer needs a name.</source>
        <translation>클라이언트 ID: 컨슈머에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Topic: create a topic first.</source>
        <translation>토픽: 먼저 토픽을 만드세요.</translation>
    </message>
    <message>
        <source>group.instance.id: static membership needs a group.</source>
        <translation>group.instance.id: 정적 멤버십에는 그룹이 필요합니다.</translation>
    </message>
    <message>
        <source>earliest (the log start)</source>
        <translation>earliest (로그 처음부터)</translation>
    </message>
    <message>
        <source>latest (only new records)</source>
        <translation>latest (새 레코드만)</translation>
    </message>
    <message>
        <source>none (fail without a committed offset)</source>
        <translation>none (커밋된 오프셋이 없으면 실패)</translation>
    </message>
    <message>
        <source>auto.offset.reset</source>
        <translation>auto.offset.reset</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Brokers and network</source>
        <translation>브로커와 네트워크</translation>
    </message>
    <message>
        <source>Topics and leadership</source>
        <translation>토픽과 리더십</translation>
    </message>
    <message>
        <source>Records and high watermarks</source>
        <translation>레코드와 하이 워터마크</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source>broker %1 joined the cluster</source>
        <translation>브로커 %1이(가) 클러스터에 합류함</translation>
    </message>
    <message>
        <source>broker %1 crashed</source>
        <translation>브로커 %1 장애(크래시)</translation>
    </message>
    <message>
        <source>broker %1 restarted</source>
        <translation>브로커 %1 재시작</translation>
    </message>
    <message>
        <source>broker %1 shut down (controlled)</source>
        <translation>브로커 %1 종료 (제어된 종료)</translation>
    </message>
    <message>
        <source>broker %1 was decommissioned and left the cluster</source>
        <translation>브로커 %1이(가) 해제되어 클러스터를 떠남</translation>
    </message>
    <message>
        <source>no controller: every broker is down</source>
        <translation>컨트롤러 없음: 모든 브로커가 다운됨</translation>
    </message>
    <message>
        <source>broker %1 is the controller</source>
        <translation>브로커 %1이(가) 컨트롤러</translation>
    </message>
    <message>
        <source>topic %1 created: %2 partitions, replication factor %3</source>
        <translation>토픽 %1 생성: 파티션 %2개, 복제 팩터 %3</translation>
    </message>
    <message>
        <source>topic %1 grew from %2 to %3 partitions</source>
        <translation>토픽 %1의 파티션이 %2개에서 %3개로 늘어남</translation>
    </message>
    <message>
        <source>topic %1 deleted</source>
        <translation>토픽 %1 삭제</translation>
    </message>
    <message>
        <source>%1: broker %2 elected leader, epoch %3 (%4)</source>
        <translation>%1: 브로커 %2이(가) 리더로 선출됨, 에포크 %3 (%4)</translation>
    </message>
    <message>
        <source>%1: ISR is now %2</source>
        <translation>%1: ISR이 이제 %2</translation>
    </message>
    <message>
        <source>%1: ISR is now %2 (%3)</source>
        <translation>%1: ISR이 이제 %2 (%3)</translation>
    </message>
    <message>
        <source>%1: reassignment to %2 started</source>
        <translation>%1: %2(으)로 재할당 시작</translation>
    </message>
    <message>
        <source>%1: reassignment done, replicas %2</source>
        <translation>%1: 재할당 완료, 레플리카 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: leader %2 appended %n record(s) at offset %3</source>
        <translation>
            <numerusform>%1: 리더 %2이(가) 오프셋 %3에 레코드 %n개 추가</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: follower %2 copied %n record(s) at offset %3</source>
        <translation>
            <numerusform>%1: 팔로워 %2이(가) 오프셋 %3의 레코드 %n개 복제</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: high watermark %2</source>
        <translation>%1: 하이 워터마크 %2</translation>
    </message>
    <message>
        <source>%1: broker %2 truncated its log to %3</source>
        <translation>%1: 브로커 %2이(가) 로그를 %3까지 잘라냄</translation>
    </message>
    <message>
        <source>producer %1 started</source>
        <translation>프로듀서 %1 시작</translation>
    </message>
    <message>
        <source>consumer %1 started</source>
        <translation>컨슈머 %1 시작</translation>
    </message>
    <message>
        <source>network: %1</source>
        <translation>네트워크: %1</translation>
    </message>
    <message>
        <source>consumer %1 closed</source>
        <translation>컨슈머 %1 닫힘</translation>
    </message>
    <message>
        <source>consumer %1 crashed</source>
        <translation>컨슈머 %1 장애(크래시)</translation>
    </message>
    <message>
        <source>Event %1 (%2) at simTime %3 ms</source>
        <translation>이벤트 %1 (%2), 시뮬레이션 시간 %3 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>broker %1 caught up</source>
        <translation>브로커 %1이(가) 따라잡음</translation>
    </message>
    <message>
        <source>broker %1 is down</source>
        <translation>브로커 %1 다운</translation>
    </message>
    <message>
        <source>broker %1 shuts down</source>
        <translation>브로커 %1 종료 중</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>클린</translation>
    </message>
    <message>
        <source>unclean: acknowledged records may be lost</source>
        <translation>언클린: 확인된 레코드가 유실될 수 있음</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>선호 리더</translation>
    </message>
    <message>
        <source>controlled shutdown</source>
        <translation>제어된 종료</translation>
    </message>
    <message>
        <source>reassignment</source>
        <translation>재할당</translation>
    </message>
    <message>
        <source>election</source>
        <translation>선출</translation>
    </message>
    <message>
        <source>out of sync for replica.lag.time.max.ms</source>
        <translation>replica.lag.time.max.ms 동안 동기화되지 않음</translation>
    </message>
    <message>
        <source>consumer %1: max.poll.interval.ms passed without a poll; it left its group</source>
        <translation>컨슈머 %1: poll 없이 max.poll.interval.ms가 지나 그룹을 떠남</translation>
    </message>
    <message>
        <source>consumer %1: partitions revoked (onPartitionsRevoked)</source>
        <translation>컨슈머 %1: 파티션 반납 (onPartitionsRevoked)</translation>
    </message>
    <message>
        <source>consumer %1: partitions assigned (onPartitionsAssigned)</source>
        <translation>컨슈머 %1: 파티션 할당 (onPartitionsAssigned)</translation>
    </message>
    <message>
        <source>consumer %1: partitions lost, nothing committed (onPartitionsLost)</source>
        <translation>컨슈머 %1: 커밋 없이 파티션 잃음 (onPartitionsLost)</translation>
    </message>
    <message>
        <source>consumer %1 seeks %2 to offset %3</source>
        <translation>컨슈머 %1이(가) %2를 오프셋 %3(으)로 이동(seek)</translation>
    </message>
    <message>
        <source>consumer %1 paused %2</source>
        <translation>컨슈머 %1이(가) %2 일시정지</translation>
    </message>
    <message>
        <source>consumer %1 resumed %2</source>
        <translation>컨슈머 %1이(가) %2 재개</translation>
    </message>
    <message>
        <source>left the group</source>
        <translation>그룹을 떠남</translation>
    </message>
    <message>
        <source>session timeout</source>
        <translation>세션 타임아웃</translation>
    </message>
    <message>
        <source>new member join timeout</source>
        <translation>새 멤버 조인 타임아웃</translation>
    </message>
    <message>
        <source>did not rejoin in time</source>
        <translation>제시간에 재조인하지 않음</translation>
    </message>
    <message>
        <source>no SyncGroup in time</source>
        <translation>제시간에 SyncGroup 없음</translation>
    </message>
    <message>
        <source>replaced by its static successor</source>
        <translation>같은 정적 멤버로 교체됨</translation>
    </message>
    <message>
        <source>over group.max.size</source>
        <translation>group.max.size 초과</translation>
    </message>
    <message>
        <source>a member joined</source>
        <translation>멤버가 조인함</translation>
    </message>
    <message>
        <source>the leader rejoined</source>
        <translation>리더가 재조인함</translation>
    </message>
    <message>
        <source>a member&apos;s subscription changed</source>
        <translation>멤버의 구독이 바뀜</translation>
    </message>
    <message>
        <source>a member left</source>
        <translation>멤버가 떠남</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>컨슈머 그룹</translation>
    </message>
    <message>
        <source>member %1 joined</source>
        <translation>멤버 %1 조인</translation>
    </message>
    <message>
        <source>member %1 removed (%2)</source>
        <translation>멤버 %1 제거 (%2)</translation>
    </message>
    <message>
        <source>rebalance started, generation %1 ends (%2)</source>
        <translation>리밸런스 시작, 세대 %1 종료 (%2)</translation>
    </message>
    <message>
        <source>rebalance started, generation %1 ends (%2: %3)</source>
        <translation>리밸런스 시작, 세대 %1 종료 (%2: %3)</translation>
    </message>
    <message>
        <source>generation %1: no members</source>
        <translation>세대 %1: 멤버 없음</translation>
    </message>
    <message numerus="yes">
        <source>generation %1: %n member(s), assignor %2, leader %3</source>
        <translation>
            <numerusform>세대 %1: 멤버 %n명, 할당자 %2, 리더 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>상태 %1</translation>
    </message>
    <message>
        <source>broker %1 is the coordinator</source>
        <translation>브로커 %1이(가) 코디네이터</translation>
    </message>
    <message>
        <source>broker %1 no longer coordinates the group</source>
        <translation>브로커 %1은(는) 더 이상 그룹의 코디네이터가 아님</translation>
    </message>
    <message>
        <source>offset of %1 reset from %2 to %3 (%4)</source>
        <translation>%1의 오프셋을 %2에서 %3(으)로 재설정 (%4)</translation>
    </message>
    <message>
        <source>offset of %1 reset to %2 (%3; nothing was committed)</source>
        <translation>%1의 오프셋을 %2(으)로 재설정 (%3, 커밋된 오프셋 없었음)</translation>
    </message>
    <message>
        <source>consumer %1 now takes %2 ms per record</source>
        <translation>컨슈머 %1이(가) 이제 레코드당 %2 ms 걸림</translation>
    </message>
    <message numerus="yes">
        <source>%1: broker %2 deleted %n segment(s) past retention; log start offset %3</source>
        <translation>
            <numerusform>%1: 브로커 %2이(가) 리텐션이 지난 세그먼트 %n개를 삭제함, 로그 시작 오프셋 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: broker %2 compacted its log, %n record(s) removed</source>
        <translation>
            <numerusform>%1: 브로커 %2이(가) 로그를 컴팩션하여 레코드 %n개를 제거함</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is offline: no replica may lead (epoch %2)</source>
        <translation>%1 오프라인: 리더가 될 수 있는 레플리카 없음 (에포크 %2)</translation>
    </message>
    <message>
        <source>consumer %1: the partitions of its group&apos;s topics changed since the last assignment; it rejoins</source>
        <translation>컨슈머 %1: 마지막 할당 이후 그룹 토픽의 파티션이 바뀌어 그룹에 다시 조인함</translation>
    </message>
    <message>
        <source>producer %1: epoch bumped to %2, sequences restart at 0</source>
        <translation>프로듀서 %1: 에포크를 %2(으)로 올리고 시퀀스를 0부터 다시 시작함</translation>
    </message>
    <message>
        <source>broker %1 fenced by the controller: no heartbeat within broker.session.timeout.ms</source>
        <translation>브로커 %1이(가) 컨트롤러에 의해 펜싱됨: broker.session.timeout.ms 안에 하트비트 없음</translation>
    </message>
    <message>
        <source>broker %1 unfenced: its heartbeats reach the controller again</source>
        <translation>브로커 %1 펜싱 해제: 하트비트가 다시 컨트롤러에 닿음</translation>
    </message>
    <message>
        <source>broker %1 joined the cluster in rack %2</source>
        <translation>브로커 %1이(가) 랙 %2에서 클러스터에 합류</translation>
    </message>
    <message>
        <source>broker %1 is in rack %2</source>
        <translation>브로커 %1은(는) 랙 %2에 있음</translation>
    </message>
    <message>
        <source>replicas removed: same leader, new epoch</source>
        <translation>레플리카 제거: 같은 리더, 새 에포크</translation>
    </message>
    <message>
        <source>producer %1&apos;s process paused until resumed</source>
        <translation>프로듀서 %1의 프로세스 정지 (재개할 때까지)</translation>
    </message>
    <message>
        <source>consumer %1&apos;s process paused until resumed</source>
        <translation>컨슈머 %1의 프로세스 정지 (재개할 때까지)</translation>
    </message>
    <message>
        <source>producer %1&apos;s process paused for %2</source>
        <translation>프로듀서 %1의 프로세스 %2 동안 정지</translation>
    </message>
    <message>
        <source>consumer %1&apos;s process paused for %2</source>
        <translation>컨슈머 %1의 프로세스 %2 동안 정지</translation>
    </message>
    <message>
        <source>producer %1&apos;s process resumed</source>
        <translation>프로듀서 %1의 프로세스 재개</translation>
    </message>
    <message>
        <source>consumer %1&apos;s process resumed</source>
        <translation>컨슈머 %1의 프로세스 재개</translation>
    </message>
</context>
<context>
    <name>EventLogWidget</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없음: %2</translation>
    </message>
    <message>
        <source>Export the event log</source>
        <translation>이벤트 로그 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Search (e.g. orders-1, broker 2, billing)</source>
        <translation>검색 (예: orders-1, 브로커 2, billing)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save the events shown (with the filter applied) as a CSV file</source>
        <translation>보이는 이벤트(필터 적용)를 CSV 파일로 저장</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>The coordinator&apos;s state of the group (Kafka&apos;s classic protocol)</source>
        <translation>코디네이터가 보는 그룹 상태 (Kafka 클래식 프로토콜)</translation>
    </message>
    <message>
        <source>Records below the high watermark that the group has not committed yet, over all its partitions</source>
        <translation>하이 워터마크 아래에 있지만 그룹이 아직 커밋하지 않은 레코드 수 (모든 파티션 합계)</translation>
    </message>
    <message>
        <source>Group %1, coordinated by broker %2</source>
        <translation>그룹 %1, 코디네이터는 브로커 %2</translation>
    </message>
    <message>
        <source>Group %1: no coordinator is available</source>
        <translation>그룹 %1: 사용할 수 있는 코디네이터가 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>멤버 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Member id: %1</source>
        <translation>멤버 ID: %1</translation>
    </message>
    <message>
        <source>Static member: group.instance.id %1</source>
        <translation>정적 멤버: group.instance.id %1</translation>
    </message>
    <message>
        <source>session.timeout.ms %1, rebalance timeout %2 ms</source>
        <translation>session.timeout.ms %1, 리밸런스 타임아웃 %2 ms</translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation>%1 (리더)</translation>
    </message>
    <message>
        <source>Group / member</source>
        <translation>그룹 / 멤버</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>세대</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당자</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>할당</translation>
    </message>
    <message>
        <source>Committed lag</source>
        <translation>커밋 랙</translation>
    </message>
    <message>
        <source>Joined: its JoinGroup waits for the join phase to end. Waiting for its assignment: its SyncGroup waits for the leader&apos;s. Must rejoin: a rebalance started and it has not sent JoinGroup yet (it learns from its next heartbeat).</source>
        <translation>조인함: JoinGroup 요청이 조인 단계가 끝나기를 기다리는 중. 할당 대기: SyncGroup 요청이 리더의 할당을 기다리는 중. 재조인 필요: 리밸런스가 시작됐지만 아직 JoinGroup을 보내지 않음 (다음 하트비트로 알게 됨).</translation>
    </message>
    <message>
        <source>joined, waiting for the others</source>
        <translation>조인함, 다른 멤버 대기</translation>
    </message>
    <message>
        <source>waiting for its assignment</source>
        <translation>할당 대기</translation>
    </message>
    <message>
        <source>must rejoin</source>
        <translation>재조인 필요</translation>
    </message>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
</context>
<context>
    <name>InspectorModel</name>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>선택한 항목 없음</translation>
    </message>
    <message>
        <source>Click a broker, a partition, a record or a group</source>
        <translation>브로커, 파티션, 레코드 또는 그룹을 클릭하세요</translation>
    </message>
    <message>
        <source>Click a broker card, a partition or one of its records, a row of the partitions table or a consumer group, or choose from Inspect</source>
        <translation>브로커 카드, 파티션이나 그 레코드, 파티션 표의 행, 컨슈머 그룹을 클릭하거나 ‘검사’에서 고르세요</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source>not in the cluster at this time (decommissioned, or not added yet)</source>
        <translation>이 시점에는 클러스터에 없음 (해제되었거나 아직 추가되지 않음)</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>브로커</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>down</source>
        <translation>다운</translation>
    </message>
    <message>
        <source>up, being decommissioned (its replicas move away)</source>
        <translation>가동, 해제 중 (레플리카가 다른 브로커로 옮겨지는 중)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>가동</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>컨트롤러</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>랙(rack)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>reaches every broker</source>
        <translation>모든 브로커와 통신 가능</translation>
    </message>
    <message>
        <source>cut off from broker(s) %1</source>
        <translation>브로커 %1과(와) 단절됨</translation>
    </message>
    <message>
        <source>paused: receives nothing</source>
        <translation>일시정지됨: 아무것도 받지 않음</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Group coordinator for</source>
        <translation>그룹 코디네이터 역할</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>그룹 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Partitions led</source>
        <translation>리더인 파티션</translation>
    </message>
    <message>
        <source>Partitions followed</source>
        <translation>팔로워인 파티션</translation>
    </message>
    <message>
        <source>epoch %1, ISR %2</source>
        <translation>에포크 %1, ISR %2</translation>
    </message>
    <message>
        <source>in sync, caught up</source>
        <translation>동기화됨, 따라잡음</translation>
    </message>
    <message>
        <source>out of sync, caught up</source>
        <translation>동기화 안 됨, 따라잡음</translation>
    </message>
    <message numerus="yes">
        <source>in sync, %n record(s) behind the leader</source>
        <translation>
            <numerusform>동기화됨, 리더보다 레코드 %n개 뒤처짐</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>out of sync, %n record(s) behind the leader</source>
        <translation>
            <numerusform>동기화 안 됨, 리더보다 레코드 %n개 뒤처짐</numerusform>
        </translation>
    </message>
    <message>
        <source>Out-of-sync replicas</source>
        <translation>동기화 안 된 레플리카</translation>
    </message>
    <message>
        <source>Follower replicas on this broker that are not in their partition&apos;s ISR</source>
        <translation>이 브로커에 있는 팔로워 레플리카 중 해당 파티션의 ISR에 없는 것</translation>
    </message>
    <message>
        <source>leads %1, follows %2</source>
        <translation>리더 %1, 팔로워 %2</translation>
    </message>
    <message>
        <source>Partitions of the internal topic of committed offsets and group metadata</source>
        <translation>커밋된 오프셋과 그룹 메타데이터를 담는 내부 토픽의 파티션</translation>
    </message>
    <message>
        <source>Partition %1-%2</source>
        <translation>파티션 %1-%2</translation>
    </message>
    <message>
        <source>does not exist at this time (the topic was deleted, or not created yet)</source>
        <translation>이 시점에는 존재하지 않음 (토픽이 삭제되었거나 아직 생성되지 않음)</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>레플리카</translation>
    </message>
    <message>
        <source>In assignment order: the first is the preferred leader</source>
        <translation>할당 순서대로: 첫 번째가 선호 리더입니다</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>리더</translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source>none: offline</source>
        <translation>없음: 오프라인</translation>
    </message>
    <message>
        <source>Leader epoch</source>
        <translation>리더 에포크</translation>
    </message>
    <message>
        <source>Incremented by every election</source>
        <translation>선출될 때마다 1씩 증가</translation>
    </message>
    <message>
        <source>ISR</source>
        <translation>ISR</translation>
    </message>
    <message>
        <source>In-sync replicas: the leader and the followers that are caught up</source>
        <translation>동기화된 레플리카: 리더와, 리더를 따라잡은 팔로워</translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation>복제 부족</translation>
    </message>
    <message>
        <source>Reassigning to</source>
        <translation>재할당 대상</translation>
    </message>
    <message>
        <source>Log start offset</source>
        <translation>로그 시작 오프셋</translation>
    </message>
    <message>
        <source>High watermark</source>
        <translation>하이 워터마크</translation>
    </message>
    <message>
        <source>Consumers read only below it; every in-sync replica has these records</source>
        <translation>컨슈머는 이보다 아래만 읽으며, 동기화된 모든 레플리카가 이 레코드들을 가지고 있습니다</translation>
    </message>
    <message>
        <source>Log end offset</source>
        <translation>로그 끝 오프셋</translation>
    </message>
    <message>
        <source>The leader&apos;s log end offset: the offset the next record will get</source>
        <translation>리더의 로그 끝 오프셋: 다음 레코드가 받을 오프셋</translation>
    </message>
    <message>
        <source>LEO %1</source>
        <translation>LEO %1</translation>
    </message>
    <message>
        <source>, leader</source>
        <translation>, 리더</translation>
    </message>
    <message>
        <source>, in sync</source>
        <translation>, 동기화됨</translation>
    </message>
    <message>
        <source>, out of sync</source>
        <translation>, 동기화 안 됨</translation>
    </message>
    <message numerus="yes">
        <source>, %n behind</source>
        <translation>
            <numerusform>, %n개 뒤처짐</numerusform>
        </translation>
    </message>
    <message>
        <source>, broker down</source>
        <translation>, 브로커 다운</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>컨슈머 그룹</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>랙 %1</translation>
    </message>
    <message>
        <source>nothing committed</source>
        <translation>커밋 없음</translation>
    </message>
    <message>
        <source>Committed offset</source>
        <translation>커밋된 오프셋</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>랙</translation>
    </message>
    <message>
        <source>High watermark minus the committed offset</source>
        <translation>하이 워터마크에서 커밋된 오프셋을 뺀 값</translation>
    </message>
    <message>
        <source>Owned by</source>
        <translation>소유 컨슈머</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>읽는 컨슈머</translation>
    </message>
    <message>
        <source>position %1, lag %2</source>
        <translation>위치 %1, 랙 %2</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>그룹 %1</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>그룹 없음</translation>
    </message>
    <message>
        <source>Replica of %1-%2 on broker %3</source>
        <translation>브로커 %3의 %1-%2 레플리카</translation>
    </message>
    <message>
        <source>does not exist at this time (moved away, the topic was deleted, or not created yet)</source>
        <translation>이 시점에는 존재하지 않음 (다른 브로커로 옮겨졌거나, 토픽이 삭제되었거나, 아직 생성되지 않음)</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>레플리카</translation>
    </message>
    <message>
        <source>%1-%2 on broker %3</source>
        <translation>브로커 %3의 %1-%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>리더</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>팔로워</translation>
    </message>
    <message>
        <source>In ISR</source>
        <translation>ISR 포함</translation>
    </message>
    <message>
        <source>The high watermark this replica knows (a follower learns it from its fetches)</source>
        <translation>이 레플리카가 알고 있는 하이 워터마크 (팔로워는 fetch 응답으로 알게 됨)</translation>
    </message>
    <message>
        <source>The leader epoch this replica last heard of</source>
        <translation>이 레플리카가 마지막으로 전달받은 리더 에포크</translation>
    </message>
    <message>
        <source>Behind the leader</source>
        <translation>리더보다 뒤처짐</translation>
    </message>
    <message>
        <source>no leader</source>
        <translation>리더 없음</translation>
    </message>
    <message>
        <source>The leader&apos;s log end offset minus this replica&apos;s, in records</source>
        <translation>리더의 로그 끝 오프셋에서 이 레플리카의 로그 끝 오프셋을 뺀 값 (레코드 수)</translation>
    </message>
    <message>
        <source>Last caught up</source>
        <translation>마지막으로 따라잡은 시점</translation>
    </message>
    <message>
        <source>%1 ms ago</source>
        <translation>%1 ms 전</translation>
    </message>
    <message>
        <source>A follower that has not caught up for replica.lag.time.max.ms (%1 ms) leaves the ISR</source>
        <translation>replica.lag.time.max.ms(%1 ms) 동안 따라잡지 못한 팔로워는 ISR에서 빠집니다</translation>
    </message>
    <message>
        <source>Producer %1</source>
        <translation>프로듀서 %1</translation>
    </message>
    <message>
        <source>not in the cluster at this time (not added yet)</source>
        <translation>이 시점에는 클러스터에 없음 (아직 추가되지 않음)</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>프로듀서</translation>
    </message>
    <message>
        <source>set, but not in effect without acks=all</source>
        <translation>설정됨, 하지만 acks=all이 아니면 적용되지 않음</translation>
    </message>
    <message>
        <source>Partitioner</source>
        <translation>파티셔너</translation>
    </message>
    <message>
        <source>RoundRobinPartitioner</source>
        <translation>RoundRobinPartitioner</translation>
    </message>
    <message>
        <source>built-in (murmur2 for keys, sticky for null keys)</source>
        <translation>기본 (키는 murmur2, null 키는 스티키)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>none (sends only on request)</source>
        <translation>없음 (요청할 때만 보냄)</translation>
    </message>
    <message>
        <source>random (Poisson) arrivals</source>
        <translation>무작위 (푸아송) 도착</translation>
    </message>
    <message>
        <source>bursts</source>
        <translation>버스트</translation>
    </message>
    <message>
        <source>a fixed interval</source>
        <translation>고정 간격</translation>
    </message>
    <message>
        <source>%1 records/s, %2</source>
        <translation>%1 레코드/초, %2</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message numerus="yes">
        <source>uniform over %n key(s)</source>
        <translation>
            <numerusform>키 %n개에 균등</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a few hot keys among %n key(s)</source>
        <translation>
            <numerusform>키 %n개 중 소수의 핫 키</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Zipf over %n key(s)</source>
        <translation>
            <numerusform>키 %n개에 Zipf 분포</numerusform>
        </translation>
    </message>
    <message>
        <source>null keys</source>
        <translation>null 키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>확인됨 (ack)</translation>
    </message>
    <message>
        <source>Records the producer was told were written (with acks=0: every record sent)</source>
        <translation>쓰였다고 프로듀서가 통보받은 레코드 (acks=0이면 보낸 모든 레코드)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Records given up after delivery.timeout.ms</source>
        <translation>delivery.timeout.ms가 지나 포기한 레코드</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>Produce requests</source>
        <translation>프로듀스 요청</translation>
    </message>
    <message>
        <source>Consumer %1</source>
        <translation>컨슈머 %1</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>컨슈머</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Member id</source>
        <translation>멤버 ID</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>세대</translation>
    </message>
    <message>
        <source>Join state</source>
        <translation>조인 상태</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>코디네이터</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>할당자</translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation>리밸런스 횟수</translation>
    </message>
    <message>
        <source>none: reads every partition of %1</source>
        <translation>없음: %1의 모든 파티션을 읽음</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>처리 시간</translation>
    </message>
    <message>
        <source>%1 ms per record</source>
        <translation>레코드당 %1 ms</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>처리 방식</translation>
    </message>
    <message>
        <source>handed off to a worker thread</source>
        <translation>워커 스레드에 넘김</translation>
    </message>
    <message>
        <source>in the poll loop</source>
        <translation>poll 루프 안에서</translation>
    </message>
    <message>
        <source>Commits</source>
        <translation>커밋 방식</translation>
    </message>
    <message>
        <source>auto commit every %1 ms</source>
        <translation>%1 ms마다 자동 커밋</translation>
    </message>
    <message>
        <source>commitSync after processing</source>
        <translation>처리 후 commitSync</translation>
    </message>
    <message>
        <source>commitAsync after processing</source>
        <translation>처리 후 commitAsync</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>소비됨</translation>
    </message>
    <message>
        <source>Records poll() returned to the application</source>
        <translation>poll()이 애플리케이션에 반환한 레코드</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>처리됨</translation>
    </message>
    <message>
        <source>In processing</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Buffered</source>
        <translation>버퍼에 있음</translation>
    </message>
    <message>
        <source>Fetched from the brokers, not returned by poll() yet</source>
        <translation>브로커에서 가져왔지만 아직 poll()이 반환하지 않은 레코드</translation>
    </message>
    <message>
        <source>Assigned partitions</source>
        <translation>할당된 파티션</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>position unknown yet</source>
        <translation>위치 아직 모름</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>위치 %1</translation>
    </message>
    <message>
        <source>, lag %1</source>
        <translation>, 랙 %1</translation>
    </message>
    <message>
        <source>, paused</source>
        <translation>, 일시정지됨</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>The next offset it will fetch</source>
        <translation>다음에 가져올 오프셋</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>커밋됨</translation>
    </message>
    <message>
        <source>The last offset it committed (or fetched from the coordinator)</source>
        <translation>마지막으로 커밋한 오프셋 (또는 코디네이터에서 가져온 오프셋)</translation>
    </message>
    <message>
        <source>High watermark minus its position</source>
        <translation>하이 워터마크에서 위치를 뺀 값</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>no live coordinator knows this group at this time</source>
        <translation>이 시점에는 이 그룹을 아는 살아 있는 코디네이터가 없음</translation>
    </message>
    <message>
        <source>The coordinator&apos;s state of the group (Kafka&apos;s classic protocol)</source>
        <translation>코디네이터가 보는 그룹 상태 (Kafka 클래식 프로토콜)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation>%1 (리더)</translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>파티션 없음</translation>
    </message>
    <message>
        <source>Member id: %1</source>
        <translation>멤버 ID: %1</translation>
    </message>
    <message>
        <source>Committed offsets</source>
        <translation>커밋된 오프셋</translation>
    </message>
    <message>
        <source>%1, lag %2</source>
        <translation>%1, 랙 %2</translation>
    </message>
    <message>
        <source>Committed lag</source>
        <translation>커밋 랙</translation>
    </message>
    <message>
        <source>High watermark minus the committed offset, over all its partitions</source>
        <translation>하이 워터마크에서 커밋된 오프셋을 뺀 값 (모든 파티션 합계)</translation>
    </message>
    <message>
        <source>Record %1-%2 @ %3</source>
        <translation>레코드 %1-%2 @ %3</translation>
    </message>
    <message>
        <source>its partition does not exist at this time</source>
        <translation>이 시점에는 파티션이 존재하지 않음</translation>
    </message>
    <message>
        <source>not written yet at this time (the log ends at %1)</source>
        <translation>이 시점에는 아직 쓰이지 않음 (로그가 %1에서 끝남)</translation>
    </message>
    <message>
        <source>deleted: the log now starts at %1</source>
        <translation>삭제됨: 이제 로그는 %1부터 시작</translation>
    </message>
    <message>
        <source>no longer in the log (compaction kept a later record with its key)</source>
        <translation>더 이상 로그에 없음 (컴팩션이 같은 키의 이후 레코드를 남김)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>%1-%2 @ %3</source>
        <translation>%1-%2 @ %3</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Below the high watermark</source>
        <translation>하이 워터마크 아래</translation>
    </message>
    <message>
        <source>Committed: every in-sync replica has it, so consumers may read it</source>
        <translation>커밋됨: 동기화된 모든 레플리카가 가지고 있으므로 컨슈머가 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>타임스탬프</translation>
    </message>
    <message>
        <source>CreateTime: when the producer sent it (UTC)</source>
        <translation>CreateTime: 프로듀서가 보낸 시각 (UTC)</translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation>시뮬레이션 시간</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>null (a tombstone)</source>
        <translation>null (툼스톤)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n바이트</numerusform>
        </translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Partitioning</source>
        <translation>파티셔닝</translation>
    </message>
    <message>
        <source>null key</source>
        <translation>null 키</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>no key: the sticky partitioner chose the partition</source>
        <translation>키 없음: 스티키 파티셔너가 파티션을 골랐음</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>파티션 %1</translation>
    </message>
    <message>
        <source>Kafka&apos;s murmur2 of the key&apos;s bytes (a signed 32-bit int)</source>
        <translation>키 바이트에 대한 Kafka의 murmur2 값 (부호 있는 32비트 정수)</translation>
    </message>
    <message>
        <source>Partition for the key</source>
        <translation>키의 파티션</translation>
    </message>
    <message>
        <source>%1 mod %2 = %3</source>
        <translation>%1 mod %2 = %3</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>일치</translation>
    </message>
    <message>
        <source>no: written by another partitioner, with an explicit partition, or before partitions were added</source>
        <translation>아니요: 다른 파티셔너로 쓰였거나, 파티션을 직접 지정했거나, 파티션이 추가되기 전에 쓰임</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>up, fenced by the controller (cut off from it: no heartbeat)</source>
        <translation>가동, 컨트롤러에 의해 펜싱됨 (컨트롤러와 끊겨 하트비트 없음)</translation>
    </message>
    <message>
        <source>The controller is the live broker with the lowest id among those that reach a majority of the brokers: it elects leaders, tracks ISRs and fences brokers cut off from it</source>
        <translation>컨트롤러는 브로커 과반과 통신할 수 있는 살아 있는 브로커 중 ID가 가장 작은 브로커로, 리더를 선출하고 ISR을 관리하며 자신과 끊긴 브로커를 펜싱합니다</translation>
    </message>
    <message>
        <source>broker.rack: when every broker has a rack, Kafka places a partition&apos;s replicas on as many racks as it can</source>
        <translation>broker.rack: 모든 브로커에 랙이 있으면 카프카는 파티션의 레플리카를 가능한 한 많은 랙에 나누어 둡니다</translation>
    </message>
    <message>
        <source>No broker.rack: when no broker has a rack, replica placement is rack-unaware</source>
        <translation>broker.rack 없음: 어떤 브로커에도 랙이 없으면 레플리카 배치는 랙을 고려하지 않습니다</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>%1까지 정지</translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation>재개할 때까지 정지</translation>
    </message>
    <message>
        <source>Frozen like in a long garbage-collection pause: it sends nothing, and answers wait until it resumes</source>
        <translation>긴 가비지 컬렉션 정지처럼 멈춤: 아무것도 보내지 않고, 응답은 재개될 때까지 기다립니다</translation>
    </message>
    <message>
        <source>process paused until %1</source>
        <translation>프로세스 %1까지 정지</translation>
    </message>
    <message>
        <source>process paused until resumed</source>
        <translation>프로세스 재개할 때까지 정지</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>전달</translation>
    </message>
    <message>
        <source>Records processed</source>
        <translation>처리된 레코드</translation>
    </message>
    <message>
        <source>Records its members&apos; applications finished processing, each time counted</source>
        <translation>멤버 애플리케이션이 처리를 마친 레코드 (처리할 때마다 셈)</translation>
    </message>
    <message>
        <source>Processed more than once</source>
        <translation>두 번 이상 처리됨</translation>
    </message>
    <message>
        <source>At-least-once: records processed again, after a rebalance or a restart from an older committed offset</source>
        <translation>At-least-once: 리밸런스나 재시작 뒤 더 오래된 커밋 오프셋부터 읽어 다시 처리된 레코드</translation>
    </message>
    <message>
        <source>Never processed</source>
        <translation>처리되지 않음</translation>
    </message>
    <message>
        <source>At-most-once: offsets below the committed offset that no member processed</source>
        <translation>At-most-once: 커밋된 오프셋보다 앞이지만 어떤 멤버도 처리하지 않은 오프셋</translation>
    </message>
    <message>
        <source>broker %1: %2 ms</source>
        <translation>브로커 %1: %2 ms</translation>
    </message>
    <message>
        <source>Link latency</source>
        <translation>링크 지연 시간</translation>
    </message>
    <message>
        <source>Links to these brokers take this long instead of the network&apos;s %1 ms</source>
        <translation>이 브로커들로 가는 링크는 네트워크의 %1 ms 대신 이만큼 걸립니다</translation>
    </message>
</context>
<context>
    <name>InspectorWidget</name>
    <message>
        <source>Inspect</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Inspect a broker, producer, consumer or consumer group</source>
        <translation>브로커, 프로듀서, 컨슈머, 컨슈머 그룹을 검사합니다</translation>
    </message>
    <message>
        <source>Double-click a row that names a broker, replica, partition, consumer or group to inspect it</source>
        <translation>브로커, 레플리카, 파티션, 컨슈머, 그룹을 가리키는 행을 더블 클릭하면 검사합니다</translation>
    </message>
    <message>
        <source>%1 (gone)</source>
        <translation>%1 (사라짐)</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>브로커</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source>Broker %1 (down)</source>
        <translation>브로커 %1 (중단됨)</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>프로듀서</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>컨슈머</translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation>%1 (중지됨)</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>컨슈머 그룹</translation>
    </message>
</context>
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
    <name>LinkLatencyDialog</name>
    <message>
        <source>Latency Between Two Brokers</source>
        <translation>두 브로커 사이의 지연 시간</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long every message between these two brokers takes, both ways.</source>
        <translation>이 두 브로커 사이의 모든 메시지가 걸리는 시간 (양방향).</translation>
    </message>
    <message>
        <source>The network&apos;s latency (%1 ms)</source>
        <translation>네트워크 지연 시간 (%1 ms)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>A fetch between these brokers takes %1 ms there and back. The high watermark is the smallest log end offset in the ISR, so a follower this far from its leader holds acks=all writes back by as much, until it falls out of the ISR.</source>
        <translation>이 브로커들 사이의 fetch는 왕복 %1 ms가 걸립니다. 하이 워터마크는 ISR에서 가장 작은 로그 끝 오프셋이므로, 리더에서 이만큼 먼 팔로워는 ISR에서 빠질 때까지 acks=all 쓰기를 그만큼 늦춥니다.</translation>
    </message>
    <message>
        <source>The cluster has no brokers.</source>
        <translation>클러스터에 브로커가 없습니다.</translation>
    </message>
    <message>
        <source>Choose two different brokers.</source>
        <translation>서로 다른 두 브로커를 고르세요.</translation>
    </message>
    <message>
        <source>One end</source>
        <translation>한쪽 끝</translation>
    </message>
    <message>
        <source>Other end</source>
        <translation>다른 쪽 끝</translation>
    </message>
</context>
<context>
    <name>LogBrowserWindow</name>
    <message>
        <source>“%1” is not an offset: type a whole number from 0 to %2.</source>
        <translation>“%1”은(는) 오프셋이 아닙니다: 0부터 %2까지의 정수를 입력하세요.</translation>
    </message>
    <message>
        <source>Type an offset first.</source>
        <translation>먼저 오프셋을 입력하세요.</translation>
    </message>
    <message>
        <source>Select a partition or a segment on the left first.</source>
        <translation>먼저 왼쪽에서 파티션이나 세그먼트를 선택하세요.</translation>
    </message>
    <message>
        <source>No record at or after offset %1: the records shown end before offset %2.</source>
        <translation>오프셋 %1 이후에는 레코드가 없습니다: 표시된 레코드는 오프셋 %2 앞에서 끝납니다.</translation>
    </message>
    <message>
        <source>Offset %1 holds no record (removed by compaction, or before the start); showing the next one, offset %2.</source>
        <translation>오프셋 %1에는 레코드가 없습니다(컴팩션으로 제거되었거나 시작 오프셋 이전). 다음 레코드인 오프셋 %2를 보여 줍니다.</translation>
    </message>
    <message>
        <source>No record has a timestamp at or after %1.</source>
        <translation>타임스탬프가 %1 이후인 레코드가 없습니다.</translation>
    </message>
    <message>
        <source>Select a partition or a segment on the left to see its records.</source>
        <translation>왼쪽에서 파티션이나 세그먼트를 선택하면 레코드를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Partition %1: offsets %2 to %3 (log-end offset)</source>
        <translation>파티션 %1: 오프셋 %2 ~ %3 (로그 끝 오프셋)</translation>
    </message>
    <message>
        <source>Segment %1: offsets %2 to %3 (next offset)</source>
        <translation>세그먼트 %1: 오프셋 %2 ~ %3 (다음 오프셋)</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) could not be decoded and are skipped.</source>
        <translation>
            <numerusform>배치 %n개를 디코딩할 수 없어 건너뜁니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: nothing is ever written to these files.</source>
        <translation>읽기 전용: 이 파일들에는 아무것도 쓰지 않습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>파티션 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found when opening</source>
        <translation>
            <numerusform>여는 중 문제 %n개 발견</numerusform>
        </translation>
    </message>
    <message>
        <source>Kafka log directory</source>
        <translation>카프카 로그 디렉터리</translation>
    </message>
    <message>
        <source>%1 — Kafka log directory</source>
        <translation>%1 — 카프카 로그 디렉터리</translation>
    </message>
    <message>
        <source>Jump to &amp;offset</source>
        <translation>오프셋으로 이동(&amp;O)</translation>
    </message>
    <message>
        <source>e.g. 1200</source>
        <translation>예: 1200</translation>
    </message>
    <message>
        <source>The first record at or after this offset is selected (compaction leaves gaps).</source>
        <translation>이 오프셋이나 그 뒤의 첫 레코드를 선택합니다(컴팩션은 오프셋에 빈틈을 남깁니다).</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Jump to &amp;time (UTC)</source>
        <translation>시간으로 이동(&amp;T) (UTC)</translation>
    </message>
    <message>
        <source>The first record whose timestamp is at or after this time, as ListOffsets finds it.</source>
        <translation>타임스탬프가 이 시간 이후인 첫 레코드를 ListOffsets와 같은 방식으로 찾습니다.</translation>
    </message>
</context>
<context>
    <name>LogDirectoryModel</name>
    <message>
        <source>Cannot read this folder (permission denied)</source>
        <translation>이 폴더를 읽을 수 없습니다(권한 거부)</translation>
    </message>
    <message>
        <source>Not read: it follows a damaged segment or overlaps another</source>
        <translation>읽지 않음: 손상된 세그먼트 뒤에 있거나 다른 세그먼트와 겹칩니다</translation>
    </message>
    <message>
        <source>Not a partition folder: the name is not &lt;topic&gt;-&lt;partition&gt;</source>
        <translation>파티션 폴더가 아닙니다: 이름이 &lt;토픽&gt;-&lt;파티션&gt; 형식이 아닙니다</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>Cannot read %1 (permission denied)</source>
        <translation>%1을(를) 읽을 수 없습니다(권한 거부)</translation>
    </message>
    <message>
        <source>%1 holds no partition folders and no log segments</source>
        <translation>%1에는 파티션 폴더도 로그 세그먼트도 없습니다</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>문제:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>참고:</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>문제 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>A segment&apos;s base offset; a partition&apos;s log start offset</source>
        <translation>세그먼트의 베이스 오프셋, 파티션의 로그 시작 오프셋</translation>
    </message>
    <message>
        <source>The offset after the last record (a partition&apos;s log-end offset)</source>
        <translation>마지막 레코드 다음 오프셋 (파티션의 로그 끝 오프셋)</translation>
    </message>
    <message>
        <source>The first batch&apos;s largest timestamp (UTC)</source>
        <translation>첫 배치의 최대 타임스탬프 (UTC)</translation>
    </message>
    <message>
        <source>The largest record timestamp (UTC)</source>
        <translation>가장 큰 레코드 타임스탬프 (UTC)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
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
        <source>Size (bytes)</source>
        <translation>크기 (바이트)</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>First timestamp</source>
        <translation>첫 타임스탬프</translation>
    </message>
    <message>
        <source>Largest timestamp</source>
        <translation>최대 타임스탬프</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>LogRecordsModel</name>
    <message>
        <source>The segment with base offset %1 was not read (see its problems)</source>
        <translation>베이스 오프셋이 %1인 세그먼트는 읽지 않았습니다(문제 참조)</translation>
    </message>
    <message>
        <source>Unreadable batch at offset %1</source>
        <translation>오프셋 %1의 배치를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Batch at offset %1 skipped: %2</source>
        <translation>오프셋 %1의 배치를 건너뜀: %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n바이트</numerusform>
        </translation>
    </message>
    <message>
        <source>null key</source>
        <translation>null 키</translation>
    </message>
    <message>
        <source>null value (a tombstone when the record has a key)</source>
        <translation>null 값 (키가 있는 레코드라면 툼스톤)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>불일치</translation>
    </message>
    <message>
        <source>The first offset of the record&apos;s batch</source>
        <translation>레코드가 속한 배치의 첫 오프셋</translation>
    </message>
    <message>
        <source>The record&apos;s timestamp (UTC)</source>
        <translation>레코드의 타임스탬프 (UTC)</translation>
    </message>
    <message>
        <source>The first %1 characters of the value</source>
        <translation>값의 처음 %1자</translation>
    </message>
    <message>
        <source>Whether the batch&apos;s CRC-32C matches its content</source>
        <translation>배치의 CRC-32C가 내용과 일치하는지 여부</translation>
    </message>
    <message>
        <source>The producer&apos;s sequence number of this record (idempotent producers)</source>
        <translation>이 레코드의 프로듀서 시퀀스 번호 (멱등성 프로듀서)</translation>
    </message>
    <message>
        <source>The partition leader epoch of the batch</source>
        <translation>배치의 파티션 리더 에포크</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Batch base</source>
        <translation>배치 베이스</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>타임스탬프</translation>
    </message>
    <message>
        <source>Timestamp type</source>
        <translation>타임스탬프 유형</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>코덱</translation>
    </message>
    <message>
        <source>CRC</source>
        <translation>CRC</translation>
    </message>
    <message>
        <source>Producer ID</source>
        <translation>프로듀서 ID</translation>
    </message>
    <message>
        <source>Producer epoch</source>
        <translation>프로듀서 에포크</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>시퀀스</translation>
    </message>
    <message>
        <source>Leader epoch</source>
        <translation>리더 에포크</translation>
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
        <translation>
            <numerusform>저장된 레코드 %n개</numerusform>
        </translation>
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
    <message>
        <source>Open Kafka &amp;Log Directory…</source>
        <translation>카프카 로그 디렉터리 열기(&amp;L)…</translation>
    </message>
    <message>
        <source>Browse the segments and records of a Kafka log directory, read-only (Ctrl+O)</source>
        <translation>카프카 로그 디렉터리의 세그먼트와 레코드를 읽기 전용으로 둘러봅니다 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open Kafka Log Directory</source>
        <translation>카프카 로그 디렉터리 열기</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>클러스터(&amp;C)</translation>
    </message>
    <message>
        <source>Brokers %1/%2 up · controller %3 · lost %4 · duplicates %5</source>
        <translation>브로커 %1/%2 가동 · 컨트롤러 %3 · 유실 %4 · 중복 %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Lost: acknowledged records no leader holds any more. Duplicates: records written twice by retries.</source>
        <translation>유실: 확인(ack)을 받았지만 이제 어떤 리더에도 없는 레코드. 중복: 재시도로 두 번 쓰인 레코드.</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>브로커 %1</translation>
    </message>
    <message>
        <source>Broker %1 (down)</source>
        <translation>브로커 %1 (중단됨)</translation>
    </message>
    <message>
        <source>Kill (crash)</source>
        <translation>강제 종료 (크래시)</translation>
    </message>
    <message>
        <source>Kill broker %1</source>
        <translation>브로커 %1 강제 종료</translation>
    </message>
    <message>
        <source>Shut down (controlled)</source>
        <translation>종료 (제어된 종료)</translation>
    </message>
    <message>
        <source>Shut down broker %1</source>
        <translation>브로커 %1 종료</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>재시작</translation>
    </message>
    <message>
        <source>Restart broker %1</source>
        <translation>브로커 %1 재시작</translation>
    </message>
    <message numerus="yes">
        <source>Preferred leader election: %n leader(s) moved</source>
        <translation>
            <numerusform>선호 리더 선출: 리더 %n개 이동</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done at %2</source>
        <translation>%1: %2에 완료</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>컨슈머 그룹</translation>
    </message>
    <message>
        <source>Cannot rewind: %1</source>
        <translation>되감을 수 없음: %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Pause and rewind 100 ms of simulated time (←): the cluster is rebuilt as it was</source>
        <translation>일시정지하고 시뮬레이션 시간을 100 ms 되감기 (←): 클러스터가 그때 모습으로 다시 만들어집니다</translation>
    </message>
    <message>
        <source>To the end</source>
        <translation>끝으로</translation>
    </message>
    <message>
        <source>Jump to the end of the timeline (End)</source>
        <translation>타임라인의 끝으로 이동 (End)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Timeline </source>
        <translation>타임라인 </translation>
    </message>
    <message>
        <source>Drag back to see the cluster as it was at any earlier moment. Playing or acting from there starts a new future; the old one is dropped.</source>
        <translation>뒤로 끌면 이전 어느 시점의 클러스터든 볼 수 있습니다. 그 시점에서 재생하거나 조작하면 새로운 미래가 시작되고, 이전의 미래는 버려집니다.</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>이벤트 로그</translation>
    </message>
    <message>
        <source>Kill the Selected Broker</source>
        <translation>선택한 브로커 종료(크래시)</translation>
    </message>
    <message>
        <source>Crash the broker whose card is selected (B)</source>
        <translation>카드가 선택된 브로커를 크래시 (B)</translation>
    </message>
    <message>
        <source>Select a broker first: click its card</source>
        <translation>먼저 브로커 카드를 클릭해서 선택하세요</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>발표자 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger text and stronger contrast for a projector (F11; Esc leaves)</source>
        <translation>프로젝터용 전체 화면, 큰 글씨, 강한 대비 (F11, Esc로 나가기)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>Presenter mode: Space plays and pauses, → steps, ← goes back, + and − change the speed, B crashes the selected broker, Esc leaves</source>
        <translation>발표자 모드: 스페이스 재생/일시정지, → 한 단계, ← 뒤로, +/− 속도 변경, B 선택한 브로커 크래시, Esc 나가기</translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation>리밸런스</translation>
    </message>
    <message>
        <source>C&amp;onsumers</source>
        <translation>컨슈머(&amp;O)</translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation>%1 (중지됨)</translation>
    </message>
    <message>
        <source>%1 (group %2)</source>
        <translation>%1 (그룹 %2)</translation>
    </message>
    <message>
        <source>Close (leaves its group at once)</source>
        <translation>닫기 (즉시 그룹을 떠남)</translation>
    </message>
    <message>
        <source>Close consumer %1</source>
        <translation>컨슈머 %1 닫기</translation>
    </message>
    <message>
        <source>Crash (its group notices after session.timeout.ms)</source>
        <translation>크래시 (그룹은 session.timeout.ms 후에 알게 됨)</translation>
    </message>
    <message>
        <source>Crash consumer %1</source>
        <translation>컨슈머 %1 크래시</translation>
    </message>
    <message>
        <source>Add &amp;Broker</source>
        <translation>브로커 추가(&amp;B)</translation>
    </message>
    <message>
        <source>Broker %1 joined at %2</source>
        <translation>브로커 %1이(가) %2에 합류함</translation>
    </message>
    <message>
        <source>New &amp;Topic…</source>
        <translation>새 토픽(&amp;T)…</translation>
    </message>
    <message>
        <source>Add &amp;Producer…</source>
        <translation>프로듀서 추가(&amp;P)…</translation>
    </message>
    <message>
        <source>Add &amp;Consumer…</source>
        <translation>컨슈머 추가(&amp;C)…</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>초당 이벤트 %1개</translation>
    </message>
    <message>
        <source>Records in the user&apos;s topics; engine events run per wall-clock second</source>
        <translation>사용자 토픽의 레코드 수, 실제 1초마다 실행된 엔진 이벤트 수</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>네트워크(&amp;N)</translation>
    </message>
    <message>
        <source>Cut broker %1 off from the other brokers</source>
        <translation>브로커 %1을(를) 다른 브로커들과 단절</translation>
    </message>
    <message>
        <source>Network split around broker %1</source>
        <translation>브로커 %1 주변 네트워크 분할</translation>
    </message>
    <message>
        <source>&amp;Heal the network</source>
        <translation>네트워크 복구(&amp;H)</translation>
    </message>
    <message>
        <source>Network healed</source>
        <translation>네트워크 복구됨</translation>
    </message>
    <message>
        <source>Leader: broker %1, in-sync replicas %2.</source>
        <translation>리더: 브로커 %1, 동기화된 레플리카 %2.</translation>
    </message>
    <message>
        <source>The partition is offline: the record waits for a leader.</source>
        <translation>파티션이 오프라인입니다: 레코드는 리더를 기다립니다.</translation>
    </message>
    <message>
        <source>No consumer reads it yet.</source>
        <translation>아직 이 파티션을 읽는 컨슈머가 없습니다.</translation>
    </message>
    <message>
        <source>Read by %1.</source>
        <translation>%1이(가) 읽습니다.</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>&amp;Reset Group Offsets…</source>
        <translation>그룹 오프셋 재설정(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Processing Time…</source>
        <translation>처리 시간(&amp;P)…</translation>
    </message>
    <message>
        <source>Processing Time…</source>
        <translation>처리 시간…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Reset the offsets of group %1</source>
        <translation>그룹 %1의 오프셋 재설정</translation>
    </message>
    <message>
        <source>Processing time of consumer %1: %2 ms per record</source>
        <translation>컨슈머 %1의 처리 시간: 레코드당 %2 ms</translation>
    </message>
    <message>
        <source>Reset Group Offsets…</source>
        <translation>그룹 오프셋 재설정…</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Kafkascope scenarios (*.json);;All files (*)</source>
        <translation>Kafkascope 시나리오 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation>시나리오를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>레슨을 열 수 없습니다</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>레슨(&amp;E)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>Open &amp;Scenario…</source>
        <translation>시나리오 열기(&amp;S)…</translation>
    </message>
    <message>
        <source>Play a scenario file: its cluster, timeline, narration and checkpoints (Ctrl+Shift+O)</source>
        <translation>시나리오 파일을 재생합니다: 클러스터, 타임라인, 해설, 체크포인트 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Playing “%1”: press Play or Next ›</source>
        <translation>“%1” 재생 중: 재생 또는 다음 ›을 누르세요</translation>
    </message>
    <message numerus="yes">
        <source>Playing “%1” (%n warning(s): %2)</source>
        <translation>
            <numerusform>“%1” 재생 중 (경고 %n개: %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Pa&amp;rtitions…</source>
        <translation>파티션 추가(&amp;R)…</translation>
    </message>
    <message>
        <source>Save Session as Scenario</source>
        <translation>세션을 시나리오로 저장</translation>
    </message>
    <message>
        <source>Kafkascope scenarios (*.json)</source>
        <translation>Kafkascope 시나리오 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>세션을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Sa&amp;ve Session as Scenario…</source>
        <translation>세션을 시나리오로 저장(&amp;V)…</translation>
    </message>
    <message>
        <source>Every session is recorded: write what you did since the demo or scenario started as a scenario file that replays exactly (Ctrl+S)</source>
        <translation>모든 세션은 기록됩니다. 데모나 시나리오가 시작된 뒤 한 일을, 그대로 다시 재생되는 시나리오 파일로 저장합니다 (Ctrl+S)</translation>
    </message>
    <message numerus="yes">
        <source>Saved the session to %1: %n action(s) up to %2. Open it with File › Open Scenario… or run it with kafkascope run</source>
        <translation>
            <numerusform>세션을 %1에 저장했습니다: %2까지 동작 %n개. 파일 › 시나리오 열기…로 열거나 kafkascope run으로 실행하세요</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Broker</source>
        <translation>브로커 추가</translation>
    </message>
    <message>
        <source>The brokers have racks (broker.rack), and Kafka places replicas across them.
Rack of the new broker (pick one or type a new name):</source>
        <translation>브로커에 랙(broker.rack)이 있어 Kafka가 복제본을 랙에 나누어 배치합니다.
새 브로커의 랙 (목록에서 고르거나 새 이름을 입력하세요):</translation>
    </message>
    <message>
        <source>Broker %1 joined rack %2 at %3</source>
        <translation>브로커 %1이(가) %3에 합류함 (랙 %2)</translation>
    </message>
    <message>
        <source>Add &amp;Broker…</source>
        <translation>브로커 추가(&amp;B)…</translation>
    </message>
    <message>
        <source>Slow down broker %1…</source>
        <translation>브로커 %1 느리게 만들기…</translation>
    </message>
    <message>
        <source>Restore broker %1&apos;s speed</source>
        <translation>브로커 %1의 속도 되돌리기</translation>
    </message>
    <message>
        <source>Broker %1 at normal speed</source>
        <translation>브로커 %1 정상 속도로 복귀</translation>
    </message>
    <message>
        <source>Network &amp;conditions…</source>
        <translation>네트워크 상태(&amp;C)…</translation>
    </message>
    <message>
        <source>Slow Down Broker %1</source>
        <translation>브로커 %1 느리게 만들기</translation>
    </message>
    <message>
        <source>Broker %1 slowed down by %2 ms</source>
        <translation>브로커 %1을(를) %2 ms 느리게 함</translation>
    </message>
    <message>
        <source>Network: latency %1 ms, jitter %2 ms, loss %3 %</source>
        <translation>네트워크: 지연 시간 %1 ms, 지터 %2 ms, 손실 %3 %</translation>
    </message>
    <message>
        <source>Every message to or from broker %1 takes this much longer (extra delay, ms).
Under steady writes, a follower slowed by more than about a quarter of replica.lag.time.max.ms (30 s) falls out of the ISR.</source>
        <translation>브로커 %1과(와) 주고받는 모든 메시지가 이만큼 더 걸립니다 (추가 지연, ms).
쓰기가 계속되는 동안 replica.lag.time.max.ms(30초)의 약 4분의 1보다 더 느려진 팔로워는 ISR에서 빠집니다.</translation>
    </message>
    <message>
        <source>Resume the process</source>
        <translation>프로세스 재개</translation>
    </message>
    <message>
        <source>Producer %1&apos;s process resumed</source>
        <translation>프로듀서 %1의 프로세스 재개</translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process resumed</source>
        <translation>컨슈머 %1의 프로세스 재개</translation>
    </message>
    <message>
        <source>Pause the process (GC pause)…</source>
        <translation>프로세스 일시 정지 (GC 정지)…</translation>
    </message>
    <message>
        <source>Producer %1&apos;s process freezes, like in a long garbage-collection pause: it sends nothing, its records wait in its buffer, and answers wait until it resumes. Records older than delivery.timeout.ms (120 s) then fail.</source>
        <translation>프로듀서 %1의 프로세스가 긴 가비지 컬렉션 정지처럼 멈춥니다: 아무것도 보내지 않고, 레코드는 버퍼에서, 응답은 재개될 때까지 기다립니다. 그때 delivery.timeout.ms(120초)보다 오래된 레코드는 실패합니다.</translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process freezes, like in a long garbage-collection pause: no polls, no heartbeats. Longer than session.timeout.ms (45 s) and its group removes it and rebalances; when it resumes it finds out and rejoins.</source>
        <translation>컨슈머 %1의 프로세스가 긴 가비지 컬렉션 정지처럼 멈춥니다: poll도 하트비트도 없습니다. session.timeout.ms(45초)보다 길면 그룹이 멤버를 제거하고 리밸런스하며, 재개되면 이를 알아차리고 다시 참여합니다.</translation>
    </message>
    <message>
        <source>Pause Producer %1</source>
        <translation>프로듀서 %1 일시 정지</translation>
    </message>
    <message>
        <source>Pause Consumer %1</source>
        <translation>컨슈머 %1 일시 정지</translation>
    </message>
    <message>
        <source>Pause for (seconds; 0: until you resume it):</source>
        <translation>정지 시간 (초; 0: 직접 재개할 때까지):</translation>
    </message>
    <message>
        <source>Producer %1&apos;s process paused for %2 s</source>
        <translation>프로듀서 %1의 프로세스 %2초 동안 정지</translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process paused for %2 s</source>
        <translation>컨슈머 %1의 프로세스 %2초 동안 정지</translation>
    </message>
    <message>
        <source>Producer %1&apos;s process paused until resumed</source>
        <translation>프로듀서 %1의 프로세스 정지 (재개할 때까지)</translation>
    </message>
    <message>
        <source>Consumer %1&apos;s process paused until resumed</source>
        <translation>컨슈머 %1의 프로세스 정지 (재개할 때까지)</translation>
    </message>
    <message>
        <source>Pro&amp;ducers</source>
        <translation>프로듀서(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Elect Preferred Leaders</source>
        <translation>선호 리더 선출(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Latency between two brokers…</source>
        <translation>두 브로커 사이의 지연 시간(&amp;L)…</translation>
    </message>
    <message>
        <source>Latency between brokers %1 and %2: %3 ms</source>
        <translation>브로커 %1과 %2 사이의 지연 시간: %3 ms</translation>
    </message>
    <message>
        <source>Brokers %1 and %2 back to the network&apos;s latency</source>
        <translation>브로커 %1과 %2 사이가 네트워크 지연 시간으로 돌아감</translation>
    </message>
</context>
<context>
    <name>NarrationPanel</name>
    <message>
        <source>No lesson</source>
        <translation>레슨 없음</translation>
    </message>
    <message>
        <source>Open one from the Lessons menu, or a scenario file with File › Open Scenario…</source>
        <translation>레슨 메뉴에서 레슨을 열거나, 파일 › 시나리오 열기…로 시나리오 파일을 여세요</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>%2단계 중 %1단계 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s); the first at %1</source>
        <translation>
            <numerusform>%n단계, 첫 단계는 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No narration</source>
        <translation>해설 없음</translation>
    </message>
    <message>
        <source>Press Play, or Next › to go to the first step.</source>
        <translation>재생을 누르거나, 다음 ›을 눌러 첫 단계로 가세요.</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>%1에 확인</translation>
    </message>
    <message>
        <source>Held at %1</source>
        <translation>%1에 충족됨</translation>
    </message>
    <message>
        <source>found: %1</source>
        <translation>실제 값: %1</translation>
    </message>
    <message>
        <source>Failed at %1</source>
        <translation>%1에 실패</translation>
    </message>
    <message>
        <source>Checkpoints: %1 held, %2 failed, %3 to come</source>
        <translation>체크포인트: 충족 %1, 실패 %2, 남음 %3</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ 이전</translation>
    </message>
    <message>
        <source>Back to the previous step (Page Up)</source>
        <translation>이전 단계로 돌아갑니다 (Page Up)</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>다음 ›</translation>
    </message>
    <message>
        <source>Play on to the next step (Page Down)</source>
        <translation>다음 단계까지 재생합니다 (Page Down)</translation>
    </message>
</context>
<context>
    <name>NetworkConditionsDialog</name>
    <message>
        <source>Network Conditions</source>
        <translation>네트워크 상태</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long every message between two nodes (brokers and clients) takes.</source>
        <translation>두 노드(브로커와 클라이언트) 사이의 모든 메시지가 걸리는 시간입니다.</translation>
    </message>
    <message>
        <source>Each message takes a further delay drawn at random from 0 up to this.</source>
        <translation>각 메시지에 0부터 이 값까지 무작위로 뽑은 지연이 더해집니다.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>The share of messages lost on the way. A lost request is never answered: the client waits for its request timeout, then retries.</source>
        <translation>도중에 유실되는 메시지의 비율입니다. 유실된 요청에는 응답이 오지 않습니다: 클라이언트는 요청 타임아웃까지 기다린 뒤 재시도합니다.</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>지터</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>A request and its answer take %1 to %2 ms.</source>
        <translation>요청과 응답에 %1~%2 ms가 걸립니다.</translation>
    </message>
    <message>
        <source>%1 % of messages are lost: clients wait for their request timeout and retry, followers fetch again.</source>
        <translation>메시지의 %1 %가 유실됩니다: 클라이언트는 요청 타임아웃까지 기다린 뒤 재시도하고, 팔로워는 다시 페치합니다.</translation>
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
    <message numerus="yes">
        <source>Topic %1 · %n partition(s)</source>
        <translation>
            <numerusform>토픽 %1 · 파티션 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>브로커</translation>
    </message>
    <message>
        <source>%1/s, %2</source>
        <translation>%1/초, %2</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>그룹 없음</translation>
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
    <message>
        <source>B%1 leader · epoch %2</source>
        <translation>B%1 리더 · 에포크 %2</translation>
    </message>
    <message>
        <source>B%1 in sync</source>
        <translation>B%1 동기화됨</translation>
    </message>
    <message>
        <source>B%1 out of sync</source>
        <translation>B%1 동기화 안 됨</translation>
    </message>
    <message>
        <source>B%1 offline</source>
        <translation>B%1 오프라인</translation>
    </message>
    <message>
        <source>HW %1</source>
        <translation>HW %1</translation>
    </message>
    <message>
        <source>LEO %1 (−%2)</source>
        <translation>LEO %1 (−%2)</translation>
    </message>
</context>
<context>
    <name>PartitionsDialog</name>
    <message>
        <source>Add Partitions</source>
        <translation>파티션 추가</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Partitions in all</source>
        <translation>전체 파티션 수</translation>
    </message>
    <message numerus="yes">
        <source>It has %n partition(s). Kafka can only add partitions; afterwards a key&apos;s partition is murmur2(key) mod the new count, so many keys move to another partition.</source>
        <translation>
            <numerusform>현재 파티션은 %n개입니다. Kafka는 파티션을 늘릴 수만 있으며, 늘린 뒤에는 key의 파티션이 murmur2(key) mod 새 파티션 수가 되므로 많은 key가 다른 파티션으로 옮겨 갑니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic: there is no topic to grow.</source>
        <translation>토픽: 늘릴 토픽이 없습니다.</translation>
    </message>
    <message>
        <source>Partitions in all: %1 has %2 already; a topic&apos;s partitions can only be increased.</source>
        <translation>전체 파티션 수: %1에는 이미 %2개가 있습니다. 토픽의 파티션은 늘릴 수만 있습니다.</translation>
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
        <source>Last key</source>
        <translation>마지막 키</translation>
    </message>
    <message>
        <source>Max lag</source>
        <translation>최대 랙</translation>
    </message>
    <message>
        <source>High watermark: consumers read only below it; every in-sync replica has these records</source>
        <translation>하이 워터마크: 컨슈머는 이보다 아래만 읽으며, 모든 ISR 복제본이 이 레코드들을 가지고 있습니다</translation>
    </message>
    <message>
        <source>Leader: broker %1, leader epoch %2</source>
        <translation>리더: 브로커 %1, 리더 에포크 %2</translation>
    </message>
    <message>
        <source>Offline: no in-sync replica is alive</source>
        <translation>오프라인: 살아 있는 ISR 복제본이 없습니다</translation>
    </message>
    <message>
        <source>In-sync replicas (brokers)</source>
        <translation>동기화된 복제본(ISR, 브로커)</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>리더</translation>
    </message>
    <message>
        <source>ISR</source>
        <translation>ISR</translation>
    </message>
    <message>
        <source>HW</source>
        <translation>HW</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>LEO</source>
        <translation>LEO</translation>
    </message>
</context>
<context>
    <name>ProcessingTimeDialog</name>
    <message>
        <source>Consumer Processing Time</source>
        <translation>컨슈머 처리 시간</translation>
    </message>
    <message>
        <source> ms per record</source>
        <translation> ms (레코드당)</translation>
    </message>
    <message>
        <source>How long the application works on each record from now on. 0: it keeps up with anything.</source>
        <translation>지금부터 애플리케이션이 레코드 하나를 처리하는 데 걸리는 시간. 0이면 어떤 속도든 따라잡습니다.</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>컨슈머</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>처리 시간</translation>
    </message>
    <message>
        <source>No consumer is running.</source>
        <translation>실행 중인 컨슈머가 없습니다.</translation>
    </message>
    <message>
        <source>Records are processed the moment poll() returns them.</source>
        <translation>poll()이 레코드를 반환하는 즉시 처리됩니다.</translation>
    </message>
    <message>
        <source>At most %1 records/s.</source>
        <translation>최대 %1 레코드/초.</translation>
    </message>
    <message>
        <source>A full poll (%1 records) would take %2 s, longer than max.poll.interval.ms (%3 s): processing in the poll loop, the consumer would leave its group.</source>
        <translation>가득 찬 poll 한 번(레코드 %1개)을 처리하는 데 %2초가 걸려 max.poll.interval.ms(%3초)보다 깁니다: poll 루프 안에서 처리하면 컨슈머가 그룹을 떠나게 됩니다.</translation>
    </message>
    <message>
        <source>Consumer: no running consumer to change.</source>
        <translation>컨슈머: 변경할 실행 중인 컨슈머가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ProducerDialog</name>
    <message>
        <source>Add Producer</source>
        <translation>프로듀서 추가</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> 레코드/초</translation>
    </message>
    <message>
        <source>uniform over N keys</source>
        <translation>N개 키에 균등</translation>
    </message>
    <message>
        <source>a few hot keys (80% of records on 20% of keys)</source>
        <translation>소수의 핫 키 (레코드 80%가 키 20%에)</translation>
    </message>
    <message>
        <source>Zipf over N keys</source>
        <translation>N개 키에 Zipf 분포</translation>
    </message>
    <message>
        <source>null keys (sticky partitioner)</source>
        <translation>null 키 (스티키 파티셔너)</translation>
    </message>
    <message>
        <source>enable.idempotence (with acks=all)</source>
        <translation>enable.idempotence (acks=all과 함께)</translation>
    </message>
    <message>
        <source>built-in (murmur2 for keys, sticky for null keys)</source>
        <translation>기본 (키는 murmur2, null 키는 스티키)</translation>
    </message>
    <message>
        <source>RoundRobinPartitioner</source>
        <translation>RoundRobinPartitioner</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>토픽</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>N (distinct keys)</source>
        <translation>N (서로 다른 키 수)</translation>
    </message>
    <message>
        <source>acks</source>
        <translation>acks</translation>
    </message>
    <message>
        <source>Partitioner</source>
        <translation>파티셔너</translation>
    </message>
    <message>
        <source>linger.ms</source>
        <translation>linger.ms</translation>
    </message>
    <message>
        <source>Client id: a producer needs a name.</source>
        <translation>클라이언트 ID: 프로듀서에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Topic: create a topic first.</source>
        <translation>토픽: 먼저 토픽을 만드세요.</translation>
    </message>
    <message>
        <source>Rate: %1</source>
        <translation>속도: %1</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>키: %1</translation>
    </message>
</context>
<context>
    <name>RebalanceTimelineCanvas</name>
    <message>
        <source>joining</source>
        <translation>조인 중</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>동기화 중</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>안정</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>그룹 %1</translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation>세대 %1</translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation>%1 ★</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>joining (PreparingRebalance)</source>
        <translation>조인 중 (PreparingRebalance)</translation>
    </message>
    <message>
        <source>syncing (CompletingRebalance)</source>
        <translation>동기화 중 (CompletingRebalance)</translation>
    </message>
    <message>
        <source>partitions owned</source>
        <translation>소유한 파티션</translation>
    </message>
    <message>
        <source>▲ assigned  ▼ revoked (dark: lost)  ✕ removed</source>
        <translation>▲ 할당  ▼ 반납 (진한 색: 잃음)  ✕ 제거</translation>
    </message>
</context>
<context>
    <name>RebalanceTimelineWidget</name>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>last 30 s</source>
        <translation>최근 30초</translation>
    </message>
    <message>
        <source>last 2 min</source>
        <translation>최근 2분</translation>
    </message>
    <message>
        <source>last 10 min</source>
        <translation>최근 10분</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>No consumer group has joined yet. Group members, their generations and the partitions they own will show here as swimlanes.</source>
        <translation>아직 조인한 컨슈머 그룹이 없습니다. 그룹 멤버와 세대, 소유한 파티션이 여기에 스윔레인으로 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>ResetOffsetsDialog</name>
    <message>
        <source>Reset Group Offsets</source>
        <translation>그룹 오프셋 재설정</translation>
    </message>
    <message>
        <source>Only an inactive group (no running members: state Empty) can be reset, as with Kafka&apos;s kafka-consumer-groups --reset-offsets</source>
        <translation>Kafka의 kafka-consumer-groups --reset-offsets와 마찬가지로, 비활성 그룹(실행 중인 멤버가 없는 Empty 상태)만 재설정할 수 있습니다</translation>
    </message>
    <message>
        <source>every partition the group committed (--all-topics)</source>
        <translation>그룹이 커밋한 모든 파티션 (--all-topics)</translation>
    </message>
    <message>
        <source>earliest (the log start offset)</source>
        <translation>earliest (로그 시작 오프셋)</translation>
    </message>
    <message>
        <source>latest (the high watermark)</source>
        <translation>latest (하이 워터마크)</translation>
    </message>
    <message>
        <source>a given offset</source>
        <translation>지정한 오프셋</translation>
    </message>
    <message>
        <source>shifted by N from the committed offset</source>
        <translation>커밋된 오프셋에서 N만큼 이동</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
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
        <source>Reset to</source>
        <translation>재설정 기준</translation>
    </message>
    <message>
        <source>Offset or shift</source>
        <translation>오프셋 또는 이동량</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>e.g. -10 (back) or 5 (forward)</source>
        <translation>예: -10 (뒤로) 또는 5 (앞으로)</translation>
    </message>
    <message>
        <source>e.g. 0</source>
        <translation>예: 0</translation>
    </message>
    <message>
        <source>Group: name the group whose offsets to reset.</source>
        <translation>그룹: 오프셋을 재설정할 그룹의 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Offset: a whole number is needed.</source>
        <translation>오프셋: 정수를 입력해야 합니다.</translation>
    </message>
    <message>
        <source>Shift: a whole number is needed (negative goes back).</source>
        <translation>이동량: 정수를 입력해야 합니다 (음수는 뒤로 이동).</translation>
    </message>
    <message>
        <source>(fill in the fields)</source>
        <translation>(항목을 채우세요)</translation>
    </message>
    <message>
        <source>Would be refused: %1</source>
        <translation>거부될 요청: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>TopicDialog</name>
    <message>
        <source>New Topic</source>
        <translation>새 토픽</translation>
    </message>
    <message>
        <source>e.g. payments</source>
        <translation>예: payments</translation>
    </message>
    <message>
        <source>delete (retention)</source>
        <translation>delete (보존 기간)</translation>
    </message>
    <message>
        <source>compact (last value per key)</source>
        <translation>compact (키마다 마지막 값)</translation>
    </message>
    <message>
        <source>compact,delete</source>
        <translation>compact,delete</translation>
    </message>
    <message>
        <source>unclean.leader.election.enable (an out-of-sync replica may lead: records can be lost)</source>
        <translation>unclean.leader.election.enable (동기화 안 된 레플리카가 리더가 될 수 있음: 레코드 유실 가능)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>Replication factor</source>
        <translation>복제 팩터</translation>
    </message>
    <message>
        <source>min.insync.replicas</source>
        <translation>min.insync.replicas</translation>
    </message>
    <message>
        <source>cleanup.policy</source>
        <translation>cleanup.policy</translation>
    </message>
    <message>
        <source>Name: a topic needs a name.</source>
        <translation>이름: 토픽에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>min.insync.replicas (%1) cannot exceed the replication factor (%2): no write with acks=all could succeed.</source>
        <translation>min.insync.replicas(%1)는 복제 팩터(%2)보다 클 수 없습니다: acks=all 쓰기가 하나도 성공할 수 없습니다.</translation>
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
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Consumer lag (seconds)</source>
        <translation>컨슈머 랙 (초)</translation>
    </message>
    <message>
        <source>Lag of %1 per partition (records)</source>
        <translation>%1의 파티션별 랙 (레코드)</translation>
    </message>
    <message>
        <source>Lag of %1 per partition (seconds)</source>
        <translation>%1의 파티션별 랙 (초)</translation>
    </message>
    <message>
        <source>Under-replicated and offline partitions</source>
        <translation>복제 부족 파티션과 오프라인 파티션</translation>
    </message>
    <message>
        <source>Rebalances (how long each took)</source>
        <translation>리밸런스 (각각 걸린 시간)</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>레코드/초</translation>
    </message>
    <message>
        <source>records</source>
        <translation>레코드</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>partitions</source>
        <translation>파티션</translation>
    </message>
    <message>
        <source>in-sync replicas</source>
        <translation>동기화된 레플리카</translation>
    </message>
    <message>
        <source>under-replicated</source>
        <translation>복제 부족</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>ISR size (right)</source>
        <translation>ISR 크기 (오른쪽)</translation>
    </message>
    <message>
        <source>Records appended to each topic per simulated second (internal topics left out).</source>
        <translation>시뮬레이션 시간 1초마다 각 토픽에 추가된 레코드 수 (내부 토픽 제외).</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Records&lt;/b&gt;: the high watermark minus the group&apos;s committed offset, summed over its partitions (the LAG column of kafka-consumer-groups --describe).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Seconds&lt;/b&gt;: the age of the oldest record the group has not committed yet, the largest over its partitions; 0 when it is caught up (the time lag of kafka-lag-exporter and Burrow). Offsets are committed now and then (auto commit: every 5 s), so both rise between commits.&lt;/p&gt;&lt;p&gt;A consumer without a group counts from its position instead of a committed offset. Choose a group above to see its partitions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;레코드&lt;/b&gt;: 하이 워터마크에서 그룹의 커밋된 오프셋을 뺀 값을 모든 파티션에 대해 합한 것입니다 (kafka-consumer-groups --describe의 LAG 열).&lt;/p&gt;&lt;p&gt;&lt;b&gt;초&lt;/b&gt;: 그룹이 아직 커밋하지 않은 가장 오래된 레코드의 나이로, 파티션 중 가장 큰 값입니다. 다 따라잡았으면 0입니다 (kafka-lag-exporter와 Burrow의 시간 랙). 오프셋은 이따금씩 커밋되므로(자동 커밋: 5초마다) 두 값 모두 커밋 사이에 올라갑니다.&lt;/p&gt;&lt;p&gt;그룹이 없는 컨슈머는 커밋된 오프셋 대신 자신의 위치를 기준으로 셉니다. 위에서 그룹을 고르면 그 그룹의 파티션을 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Under-replicated&lt;/b&gt;: partitions with a leader whose in-sync replicas are fewer than their replicas (Kafka&apos;s UnderReplicatedPartitions).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Offline&lt;/b&gt;: partitions without a leader (OfflinePartitionsCount).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ISR size&lt;/b&gt; (right axis): in-sync replicas over all partitions.&lt;/p&gt;&lt;p&gt;The internal __consumer_offsets topic is left out.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;복제 부족&lt;/b&gt;: 리더는 있지만 동기화된 레플리카가 전체 레플리카보다 적은 파티션 (Kafka의 UnderReplicatedPartitions).&lt;/p&gt;&lt;p&gt;&lt;b&gt;오프라인&lt;/b&gt;: 리더가 없는 파티션 (OfflinePartitionsCount).&lt;/p&gt;&lt;p&gt;&lt;b&gt;ISR 크기&lt;/b&gt; (오른쪽 축): 모든 파티션의 동기화된 레플리카 수 합계.&lt;/p&gt;&lt;p&gt;내부 토픽 __consumer_offsets는 제외합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A bar per rebalance of each consumer group, where it began and as high as it lasted: from PreparingRebalance until the group is Stable again (or empty). Meanwhile the group&apos;s consumers read nothing (eager protocol) or only the partitions they keep (cooperative).&lt;/p&gt;&lt;p&gt;The legend counts each group&apos;s rebalances and gives its latest generation.&lt;/p&gt;</source>
        <translation>&lt;p&gt;각 컨슈머 그룹의 리밸런스마다 막대가 하나씩 있습니다. 막대는 리밸런스가 시작된 시점에 놓이고, 높이는 리밸런스가 걸린 시간입니다: PreparingRebalance부터 그룹이 다시 Stable(또는 Empty)이 될 때까지. 그동안 그룹의 컨슈머는 아무것도 읽지 않거나(eager 프로토콜) 계속 가지고 있는 파티션만 읽습니다(cooperative).&lt;/p&gt;&lt;p&gt;범례는 그룹별 리밸런스 횟수와 최신 세대를 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>프로듀스</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>랙</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation>리밸런스</translation>
    </message>
    <message>
        <source>Lag of</source>
        <translation>랙 대상</translation>
    </message>
    <message>
        <source>all groups</source>
        <translation>모든 그룹</translation>
    </message>
    <message>
        <source>All groups (one line each), or the partitions of one group</source>
        <translation>모든 그룹(그룹마다 선 하나) 또는 한 그룹의 파티션</translation>
    </message>
    <message>
        <source>in records</source>
        <translation>레코드 수</translation>
    </message>
    <message>
        <source>in seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG 내보내기…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF 내보내기…</translation>
    </message>
    <message>
        <source>Save the four charts as one PNG image (right-click a chart to save it alone)</source>
        <translation>차트 4개를 PNG 이미지 하나로 저장 (차트 하나만 저장하려면 그 차트를 오른쪽 클릭)</translation>
    </message>
    <message>
        <source>Save the four charts as one PDF page (right-click a chart to save it alone)</source>
        <translation>차트 4개를 PDF 한 페이지로 저장 (차트 하나만 저장하려면 그 차트를 오른쪽 클릭)</translation>
    </message>
    <message>
        <source>%1 (no group)</source>
        <translation>%1 (그룹 없음)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rebalance(s), generation %2</source>
        <translation>
            <numerusform>%1: 리밸런스 %n회, 세대 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Chart as PNG…</source>
        <translation>차트를 PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export Chart as PDF…</source>
        <translation>차트를 PDF로 내보내기…</translation>
    </message>
    <message>
        <source>Export All Charts as PNG…</source>
        <translation>모든 차트를 PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export All Charts as PDF…</source>
        <translation>모든 차트를 PDF로 내보내기…</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>Export All Charts</source>
        <translation>모든 차트 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not export the charts to %1: %2</source>
        <translation>차트를 %1(으)로 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Kafkascope charts</source>
        <translation>Kafkascope 차트</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>PDF 작성을 시작할 수 없음</translation>
    </message>
</context>
</TS>
