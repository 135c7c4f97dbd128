package io.cdkj.localaws;

import java.util.ArrayList;
import java.util.List;

/** IPv4 CIDR arithmetic for seeding. Stateless. */
final class Cidrs {

  private Cidrs() {
  }

  /** Splits {@code cidr} into {@code parts} (a power of two) equal blocks, in address order. */
  static List<String> split(String cidr, int parts) {
    String[] pieces = cidr.split("/");
    if (pieces.length != 2 || Integer.bitCount(parts) != 1) {
      throw new IllegalArgumentException("want an IPv4 CIDR like 10.0.0.0/16, got '" + cidr + "'");
    }
    String[] octets = pieces[0].split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("want an IPv4 CIDR like 10.0.0.0/16, got '" + cidr + "'");
    }
    long base = 0;
    for (String octet : octets) {
      base = (base << 8) | Integer.parseInt(octet);
    }
    int prefix = Integer.parseInt(pieces[1]);
    int newPrefix = prefix + Integer.numberOfTrailingZeros(parts);
    if (prefix < 0 || newPrefix > 28) {
      throw new IllegalArgumentException("CIDR '" + cidr + "' is too small to split in " + parts + " subnets (/28 minimum)");
    }
    long size = 1L << (32 - newPrefix);
    List<String> result = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      long address = base + i * size;
      result.add(((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
          + (address & 255) + "/" + newPrefix);
    }
    return result;
  }
}
