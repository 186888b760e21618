package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST: the Merkle log against published RFC 6962 test vectors (the eight-leaf tree
 * used by Certificate Transparency and transparency-dev/merkle), and against a brute-force
 * reference written here straight from the definitions of RFC 9162 §2.1.
 */
class MerkleLogTest {

    /** The eight leaves of the test tree, as hex. */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};

    /** The published roots of the prefixes of size 1 to 8. */
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static MerkleLog vectorLog() {
        MerkleLog log = MerkleLog.inMemory();
        for (String leaf : LEAVES) {
            log.appendEntry(HexFormat.of().parseHex(leaf));
        }
        return log;
    }

    private static List<MerkleHash> hashes(String... hex) {
        return List.of(hex).stream().map(MerkleHash::ofHex).toList();
    }

    @Test
    void emptyTreeRootIsTheHashOfNothing() {
        assertThat(MerkleLog.inMemory().head().root().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsOfEveryPrefixMatchThePublishedVectors() {
        MerkleLog log = vectorLog();
        for (int size = 1; size <= 8; size++) {
            assertThat(log.head(size).root().hex()).as("root of size %d", size).isEqualTo(ROOTS[size - 1]);
        }
    }

    @Test
    void inclusionProofsMatchThePublishedVectors() {
        MerkleLog log = vectorLog();
        assertThat(log.inclusionProof(0, 1).path()).isEmpty();
        assertThat(log.inclusionProof(0, 8).path()).isEqualTo(hashes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertThat(log.inclusionProof(5, 8).path()).isEqualTo(hashes(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThat(log.inclusionProof(2, 3).path()).isEqualTo(hashes(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
        assertThat(log.inclusionProof(1, 5).path()).isEqualTo(hashes(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    }

    @Test
    void consistencyProofsMatchThePublishedVectors() {
        MerkleLog log = vectorLog();
        assertThat(log.consistencyProof(1, 1).path()).isEmpty();
        assertThat(log.consistencyProof(1, 8).path()).isEqualTo(hashes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertThat(log.consistencyProof(6, 8).path()).isEqualTo(hashes(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThat(log.consistencyProof(2, 5).path()).isEqualTo(hashes(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
        assertThat(log.consistencyProof(6, 7).path()).isEqualTo(hashes(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
    }

    @Test
    void publishedProofsVerifyAndWrongSizesDoNot() {
        MerkleLog log = vectorLog();
        ConsistencyProof sixToEight = log.consistencyProof(6, 8);
        assertThat(sixToEight.verify(log.head(6), log.head(8)).verified()).isTrue();
        assertThat(new ConsistencyProof(5, 8, sixToEight.path()).verify(log.head(5), log.head(8)).verified()).isFalse();
        assertThat(sixToEight.verify(log.head(8), log.head(8))).isInstanceOf(ProofCheck.Failed.class);

        InclusionProof fifth = log.inclusionProof(5, 8);
        LeafHash leaf = log.leaf(5);
        assertThat(fifth.verify(leaf, log.head(8)).verified()).isTrue();
        assertThat(new InclusionProof(4, 8, fifth.path()).verify(leaf, log.head(8)).verified()).isFalse();
        assertThat(fifth.verify(log.leaf(4), log.head(8)))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("leads to root"));
    }

    @Test
    void edgeCasesOfConsistencyFollowTheRfc() {
        MerkleLog log = vectorLog();
        TreeHead empty = log.head(0);
        assertThat(new ConsistencyProof(0, 8, List.of()).verify(empty, log.head(8)).verified())
                .as("every tree extends the empty tree").isTrue();
        assertThat(new ConsistencyProof(3, 3, List.of()).verify(log.head(3), new TreeHead(3, MerkleHash.EMPTY_TREE))
                .verified()).as("same size, other root").isFalse();
        assertThat(new ConsistencyProof(2, 5, List.of()).verify(log.head(2), log.head(5)))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).isEqualTo("the proof is empty"));
    }

    @Test
    void everyRootAndProofMatchesTheBruteForceReferenceUpTo64Leaves() {
        int max = 64;
        List<byte[]> entries = entries(max, new Random(6962));
        MerkleLog log = MerkleLog.inMemory();
        entries.forEach(log::appendEntry);
        for (int n = 1; n <= max; n++) {
            List<byte[]> prefix = entries.subList(0, n);
            MerkleHash root = Reference.mth(prefix);
            assertThat(log.head(n).root()).as("root of %d", n).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                InclusionProof proof = log.inclusionProof(m, n);
                assertThat(proof.path()).as("path %d in %d", m, n).isEqualTo(Reference.path(m, prefix));
                assertThat(proof.verify(LeafHash.ofEntry(entries.get(m)), new TreeHead(n, root)).verified()).isTrue();
            }
            for (int m = 1; m <= n; m++) {
                ConsistencyProof proof = log.consistencyProof(m, n);
                assertThat(proof.path()).as("proof %d to %d", m, n).isEqualTo(Reference.proof(m, prefix));
                assertThat(proof.verify(log.head(m), new TreeHead(n, root)).verified()).as("%d to %d", m, n).isTrue();
            }
        }
    }

    @Test
    void randomPointsOfLargerTreesMatchTheReference() {
        Random random = new Random(9162);
        List<byte[]> entries = entries(1500, random);
        MerkleLog log = MerkleLog.inMemory();
        entries.forEach(log::appendEntry);
        for (int trial = 0; trial < 20; trial++) {
            int n = 65 + random.nextInt(entries.size() - 65);
            List<byte[]> prefix = entries.subList(0, n);
            int m = random.nextInt(n);
            assertThat(log.head(n).root()).isEqualTo(Reference.mth(prefix));
            assertThat(log.inclusionProof(m, n).path()).isEqualTo(Reference.path(m, prefix));
            int old = 1 + random.nextInt(n);
            assertThat(log.consistencyProof(old, n).path()).isEqualTo(Reference.proof(old, prefix));
        }
    }

    @Test
    void theStoreIsAppendOnly() {
        InMemorySubtreeHashes store = new InMemorySubtreeHashes();
        store.put(0, 0, MerkleHash.EMPTY_TREE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put(0, 0, MerkleHash.EMPTY_TREE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("append-only");
    }

    static List<byte[]> entries(int count, Random random) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

    /** RFC 9162 §2.1 as written: recursive, no stored nodes, slow, obviously right. */
    static final class Reference {

        static MerkleHash mth(List<byte[]> d) {
            if (d.isEmpty()) {
                return MerkleHash.EMPTY_TREE;
            }
            if (d.size() == 1) {
                byte[] prefixed = new byte[d.get(0).length + 1];
                System.arraycopy(d.get(0), 0, prefixed, 1, d.get(0).length);
                return MerkleHash.of(MerkleHash.sha256(prefixed));
            }
            int k = split(d.size());
            return MerkleHash.ofNode(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
        }

        static List<MerkleHash> path(int m, List<byte[]> d) {
            List<MerkleHash> out = new ArrayList<>();
            if (d.size() <= 1) {
                return out;
            }
            int k = split(d.size());
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(path(m - k, d.subList(k, d.size())));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        static List<MerkleHash> proof(int m, List<byte[]> d) {
            return m == d.size() ? List.of() : subproof(m, d, true);
        }

        private static List<MerkleHash> subproof(int m, List<byte[]> d, boolean whole) {
            List<MerkleHash> out = new ArrayList<>();
            if (m == d.size()) {
                if (!whole) {
                    out.add(mth(d));
                }
                return out;
            }
            int k = split(d.size());
            if (m <= k) {
                out.addAll(subproof(m, d.subList(0, k), whole));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(subproof(m - k, d.subList(k, d.size()), false));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        private static int split(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }
    }
}
