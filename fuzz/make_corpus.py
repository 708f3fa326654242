#!/usr/bin/env python3
"""Regenerate the seed corpora in fuzz/corpus/ (committed; run by hand).

The argdata seeds are the golden vectors of doc/argdata-format.md (the same
bytes as lib/argdata's golden tests); the reader seeds are those vectors
framed as a stream (8-byte big-endian length + bytes); the ELF seeds are
tiny ELF64 files built here (no system binary is copied).

    python3 fuzz/make_corpus.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def h(s):
    return bytes.fromhex(s)


def argdata_vectors():
    v = {}
    v["str_123"] = h("08 31 32 33 00")
    v["seq_0_true_A"] = h("07 81 05 82 02 01 83 08 41 00")
    ints = {"0": "", "1": "01", "127": "7F", "-128": "80", "-1": "FF",
            "255": "00 FF", "1000": "03 E8", "-1000": "FC 18",
            "u32max": "00 FF FF FF FF", "i64min": "80 00 00 00 00 00 00 00",
            "-129": "FF 7F", "-256": "FF 00", "-257": "FE FF",
            "i16min": "80 00", "128": "00 80", "256": "01 00",
            "32768": "00 80 00", "65535": "00 FF FF",
            "i32max": "7F FF FF FF", "2p31": "00 80 00 00 00",
            "i64max": "7F FF FF FF FF FF FF FF",
            "2p63": "00 80 00 00 00 00 00 00 00",
            "u64max": "00 FF FF FF FF FF FF FF FF",
            "nonminimal": "00 01"}
    for name, payload in ints.items():
        v["int_" + name] = b"\x05" + h(payload)
    v["fd_2"] = h("03 00 00 00 02")
    v["bool_false"] = h("02")
    v["bool_true"] = h("02 01")
    v["null"] = b""
    for name, d in {"-inf": float("-inf"), "-2": -2.0, "-1": -1.0,
                    "-0": -0.0, "0": 0.0, "1": 1.0, "2": 2.0,
                    "inf": float("inf"), "nan": float("nan"),
                    "1.5": 1.5, "-1e-300": -1e-300}.items():
        v["float_" + name] = b"\x04" + struct.pack(">d", d)
    v["map_bools"] = h("06 82 02 01 80 81 02 82 02 01 80 81 02")
    v["seq_false_null_true"] = h("07 81 02 80 82 02 01")
    v["seq_str125"] = h("07 80 FF 08") + b"x" * 125 + h("00 80")
    v["seq_str126"] = h("07 80 01 80 08") + b"x" * 126 + h("00 80")
    v["str_embedded_nul"] = h("08 48 65 6C 6C 6F 00 77 6F 72 6C 64 00")
    ts = {"0_0": "", "0_1": "01", "0_128": "00 80", "-1_999999999": "FF",
          "-1_999999872": "80", "2_147483647": "7F FF FF FF",
          "max": "1D CD 64 FF FF FF FF FF FF FF FF FF",
          "min": "E2 32 9B 00 00 00 00 00 00 00 00 00",
          "2015": "13 F0 BC EB 1A 26 3C 69"}
    for name, payload in ts.items():
        v["timestamp_" + name] = b"\x09" + h(payload)
    v["fd_remap"] = h("06 85 03 12 34 56 78 85 03 01 23 45 67 85 03 01 23 45"
                      " 67 85 03 00 00 00 12") + b"\x00garbage"
    v["fd_cafebabe"] = h("03 CA FE BA BE")
    v["garbage_int"] = b"\x05Integers should not get modified"
    v["garbage_plain"] = b"Some random data"
    v["bad_bool"] = h("02 00")
    v["bad_fd_short"] = h("03 00 00 00")
    v["bad_float_7"] = b"\x04" + bytes(7)
    v["bad_float_9"] = b"\x04" + bytes(9)
    v["bad_int_9"] = h("05 FF 7F FF FF FF FF FF FF FF")
    v["bad_int_9b"] = h("05 01 00 00 00 00 00 00 00 00")
    v["bad_str_nonul"] = b"\x08Hello"
    v["bad_str_utf8"] = b"\x08\xc0\xaf\x00"
    v["map_mixed"] = (h("06 87 08") + b"Hello" + h("00 87 08") + b"World" +
                      h("00 81 02 82 02 01 85 05 01 80 29 15 84 05 58 E5 D9"
                        " 80 83 06 80 80"))
    v["map_corrupt_tail"] = h("06 82 08 00 81 05 00")
    v["launcher_example"] = h("06 85 08 6f 75 74 00 85 03 00 00 00 04 85 08"
                              " 64 69 72 00 85 03 00 00 00 05")
    v["binary"] = b"\x01\x00\xff binary"
    v["str_escapes"] = "\x00\x07\"\\\u0085\u00a0\u2028é€😀\x7f".encode() + b"\x00"
    v["str_escapes"] = b"\x08" + v["str_escapes"]
    return v


def frame(msg):
    return struct.pack(">Q", len(msg)) + msg


def reader_vectors(ad):
    v = {}
    v["push_null_true_false"] = frame(b"") + frame(h("02 01")) + frame(h("02"))
    v["emsgsize_header"] = h("00 00 00 00 00 01 E2 B5")
    v["truncated_header"] = h("00 00 00")
    v["truncated_body"] = h("00 00 00 00 00 00 00 05 08 31")
    for name in ("str_123", "seq_0_true_A", "map_bools", "launcher_example",
                 "map_mixed", "timestamp_2015", "seq_str126"):
        v["one_" + name] = frame(ad[name])
        v["two_" + name] = frame(ad[name]) + frame(ad["fd_2"]) + b"\x00"
    return v


def elf(etype=2, interp=b"/lib64/ld-linux-x86-64.so.2", needed=(),
        rpath=None, runpath=None, soname=None, machine=62):
    strtab = b"\x00"
    dyn = []

    def s(x):
        nonlocal strtab
        at = len(strtab)
        strtab += x + b"\x00"
        return at
    for n in needed:
        dyn.append((1, s(n)))
    if rpath is not None:
        dyn.append((15, s(rpath)))
    if runpath is not None:
        dyn.append((29, s(runpath)))
    if soname is not None:
        dyn.append((14, s(soname)))
    nph = 2 + (interp is not None)
    off = 64 + 56 * nph
    interp_off = off
    if interp is not None:
        off += len(interp) + 1
    strtab_off = off
    off = (off + len(strtab) + 7) & ~7
    dyn_off = off
    base = 0x400000
    dyn += [(5, base + strtab_off), (10, len(strtab)), (0, 0)]
    dynb = b"".join(struct.pack("<QQ", t, x) for t, x in dyn)
    total = dyn_off + len(dynb)

    def ph(t, o, size):
        return struct.pack("<IIQQQQQQ", t, 4, o, base + o, base + o, size,
                           size, 8)
    eh = (b"\x7fELF\x02\x01\x01" + bytes(9) +
          struct.pack("<HHIQQQIHHHHHH", etype, machine, 1, 0, 64, 0, 0, 64,
                      56, nph, 0, 0, 0))
    phs = ph(1, 0, total)
    if interp is not None:
        phs += ph(3, interp_off, len(interp) + 1)
    phs += ph(2, dyn_off, len(dynb))
    out = bytearray(total)
    out[0:64] = eh
    out[64:64 + len(phs)] = phs
    if interp is not None:
        out[interp_off:interp_off + len(interp) + 1] = interp + b"\x00"
    out[strtab_off:strtab_off + len(strtab)] = strtab
    out[dyn_off:dyn_off + len(dynb)] = dynb
    return bytes(out)


def elf_vectors():
    v = {}
    v["exec_libc"] = elf(needed=[b"libc.so.6"])
    v["exec_rpath"] = elf(needed=[b"libfoo.so.1", b"libc.so.6"],
                          rpath=b"$ORIGIN/../lib:/nonexistent")
    v["exec_runpath"] = elf(needed=[b"libbar.so"],
                            runpath=b"${ORIGIN}/$LIB:$PLATFORM:/tmp")
    v["exec_slash"] = elf(needed=[b"$ORIGIN/lib/libx.so", b"/nonexistent/l.so"])
    v["dyn_soname"] = elf(etype=3, interp=None, needed=[b"libc.so.6"],
                          soname=b"libseed.so.1")
    v["static_no_interp"] = elf(interp=None)
    v["i386"] = elf(machine=3)
    v["truncated"] = elf(needed=[b"libc.so.6"])[:100]
    return v


def write(target, vectors):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for name, data in vectors.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def main():
    ad = argdata_vectors()
    write("fuzz_argdata_from_buffer", ad)
    write("fuzz_argdata_reader", reader_vectors(ad))
    write("fuzz_elf", elf_vectors())


if __name__ == "__main__":
    main()
