import java.lang.management.ManagementFactory;
import com.sun.management.ThreadMXBean;
import io.sluice.bench.columnar.*;

public class CpuTimeHarness {
    public static void main(String[] a) throws Exception {
        ThreadMXBean t = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        SegmentWordCountBenchmark wc = new SegmentWordCountBenchmark();
        wc.prepare();
        LongKeyReduceByKeyBenchmark rbk = new LongKeyReduceByKeyBenchmark();
        rbk.distinctKeys = 10000;
        rbk.prepare();
        String[] names = {"wc.sluiceFromSegment","wc.sluiceFromColumn","wc.handWrittenStrings","rbk.sluiceOperator","rbk.sluiceGraph","rbk.fastutilHandWritten","rbk.boxedHashMap"};
        for (int round = 0; round < 3; round++) {
          for (String n : names) {
            long ops = n.startsWith("wc") ? SegmentWordCountBenchmark.WORDS : LongKeyReduceByKeyBenchmark.RECORDS;
            int iters = 300; long sink = 0;
            long c0 = t.getCurrentThreadCpuTime(); long w0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
              switch (n) {
                case "wc.sluiceFromSegment" -> sink += wc.sluiceFromSegment();
                case "wc.sluiceFromColumn" -> sink += wc.sluiceFromColumn();
                case "wc.handWrittenStrings" -> sink += wc.handWrittenStrings();
                case "rbk.sluiceOperator" -> sink += rbk.sluiceOperator();
                case "rbk.sluiceGraph" -> sink += rbk.sluiceGraph();
                case "rbk.fastutilHandWritten" -> sink += rbk.fastutilHandWritten();
                default -> sink += rbk.boxedHashMap();
              }
            }
            long c = t.getCurrentThreadCpuTime() - c0; long w = System.nanoTime() - w0;
            if (round == 2) System.out.printf("%-26s %8.1f M ops per CPU-second  (%6.1f M/s wall) sink=%d%n", n, ops * iters / (c / 1e9) / 1e6, ops*iters/(w/1e9)/1e6, sink % 7);
          }
        }
        wc.free(); rbk.free();
    }
}
