package com.fenxiao.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A RocketMQ name server and one broker in this JVM, from the Maven artifacts (STACK.md). Used by the
 * local launcher and by integration tests when no {@code ROCKETMQ_NAMESRV} is configured.
 */
public final class EmbeddedRocketMq implements AutoCloseable {

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final String namesrvAddress;

    private EmbeddedRocketMq(NamesrvController namesrv, BrokerController broker, String namesrvAddress) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvAddress = namesrvAddress;
    }

    /** Starts on the given ports (0 = pick free ones), storing messages under {@code storeDir}. */
    public static EmbeddedRocketMq start(int namesrvPort, int brokerPort, Path storeDir, String... topics) {
        int nsPort = namesrvPort > 0 ? namesrvPort : freePort();
        int bPort = brokerPort > 0 ? brokerPort : freeBrokerPort();
        NamesrvController ns = startNameServer(nsPort, storeDir);
        String address = "127.0.0.1:" + nsPort;
        return new EmbeddedRocketMq(ns, startBroker(address, bPort, storeDir, topics), address);
    }

    /** A name server on {@code port}, its configuration under {@code storeDir/namesrv}. */
    public static NamesrvController startNameServer(int port, Path storeDir) {
        systemProperties();
        try {
            Files.createDirectories(storeDir);
            NamesrvConfig nsConfig = new NamesrvConfig();
            nsConfig.setRocketmqHome(storeDir.toString());
            nsConfig.setKvConfigPath(storeDir.resolve("namesrv/kvConfig.json").toString());
            nsConfig.setConfigStorePath(
                    storeDir.resolve("namesrv/namesrv.properties").toString());
            NettyServerConfig nsNetty = new NettyServerConfig();
            nsNetty.setListenPort(port);
            NamesrvController ns = new NamesrvController(nsConfig, nsNetty, new NettyClientConfig());
            if (!ns.initialize()) {
                throw new IllegalStateException("name server did not initialise");
            }
            ns.start();
            return ns;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an embedded RocketMQ name server under " + storeDir, e);
        }
    }

    /**
     * One broker on {@code port} (and port − 2, port + 1) registered with the name server at {@code namesrv},
     * its messages under {@code storeDir/store}; the topics get 8 queues each. A store left by a killed broker
     * is recovered on start (RocketMQ's abnormal recovery).
     */
    public static BrokerController startBroker(String namesrv, int port, Path storeDir, String... topics) {
        systemProperties();
        try {
            Files.createDirectories(storeDir);
            BrokerConfig brokerConfig = new BrokerConfig();
            brokerConfig.setRocketmqHome(storeDir.toString());
            brokerConfig.setBrokerName("broker-local");
            brokerConfig.setBrokerClusterName("LocalCluster");
            brokerConfig.setBrokerIP1("127.0.0.1");
            brokerConfig.setNamesrvAddr(namesrv);
            brokerConfig.setAutoCreateTopicEnable(true);
            brokerConfig.setEnablePropertyFilter(true);
            NettyServerConfig brokerNetty = new NettyServerConfig();
            brokerNetty.setListenPort(port);
            MessageStoreConfig store = new MessageStoreConfig();
            Path storeRoot = storeDir.resolve("store");
            store.setStorePathRootDir(storeRoot.toString());
            store.setStorePathCommitLog(storeRoot.resolve("commitlog").toString());
            store.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
            store.setMappedFileSizeCommitLog(64 * 1024 * 1024);
            store.setMappedFileSizeConsumeQueue(300_000 * 20);
            store.setHaListenPort(port + 1);
            // a pull returns up to 1,024 messages: the defaults (32 in memory, 8 from disk) cap every
            // consumer's batch, and the consumers write a batch with a few multi-row statements
            store.setMaxTransferCountOnMessageInMemory(1024);
            store.setMaxTransferBytesOnMessageInMemory(4 * 1024 * 1024);
            store.setMaxTransferCountOnMessageInDisk(1024);
            store.setMaxTransferBytesOnMessageInDisk(4 * 1024 * 1024);
            BrokerController b = new BrokerController(brokerConfig, brokerNetty, new NettyClientConfig(), store);
            if (!b.initialize()) {
                throw new IllegalStateException("broker did not initialise");
            }
            b.start();
            for (String topic : topics) {
                TopicConfig config = new TopicConfig(topic, 8, 8, PermName.PERM_READ | PermName.PERM_WRITE);
                b.getTopicConfigManager().updateTopicConfig(config);
            }
            b.registerBrokerAll(true, false, true);
            return b;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an embedded RocketMQ broker under " + storeDir, e);
        }
    }

    private static void systemProperties() {
        // without it the broker registers but no topic route reaches the name server (STACK.md)
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, String.valueOf(MQVersion.CURRENT_VERSION));
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    public String namesrvAddress() {
        return namesrvAddress;
    }

    @Override
    public void close() {
        broker.shutdown();
        namesrv.shutdown();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The broker also listens on port − 2 (fast remoting) and port + 1 (HA): all three must be free. */
    static int freeBrokerPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p = freePort();
            if (p > 1100 && p < 65000 && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port triple for the broker");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
