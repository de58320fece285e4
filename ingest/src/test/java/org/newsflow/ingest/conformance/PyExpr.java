package org.newsflow.ingest.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Evaluates the small Python subset of feedparser's test expectations ({@code not bozo and feed['title'] == u'x'})
 * against a model made of Maps, Lists, Strings, Longs, Doubles, Booleans and nulls. Anything outside the subset
 * throws {@link Unsupported}; a missing key throws {@link KeyMissing}.
 */
final class PyExpr {

  /** The expression uses Python this evaluator does not know. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String m) {
      super(m);
    }
  }

  /** A key the model does not have (a field our parser does not map). */
  static final class KeyMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyMissing(String m) {
      super(m);
    }
  }

  private final String src;
  private final Map<String, Object> names;
  private final BiPredicate<Object, Object> equal;
  private int pos;

  private PyExpr(String src, Map<String, Object> names, BiPredicate<Object, Object> equal) {
    this.src = src;
    this.names = names;
    this.equal = equal;
  }

  /** Evaluates to Python truthiness. */
  static boolean test(String src, Map<String, Object> names, BiPredicate<Object, Object> equal) {
    PyExpr e = new PyExpr(src, names, equal);
    Object v = e.or();
    e.ws();
    if (e.pos != src.length()) {
      throw new Unsupported("trailing input at " + e.pos + ": " + src.substring(e.pos));
    }
    return truthy(v);
  }

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  private Object or() {
    Object l = and();
    while (word("or")) {
      Object r = and();
      l = truthy(l) ? l : r;
    }
    return l;
  }

  private Object and() {
    Object l = not();
    while (word("and")) {
      Object r = not();
      l = truthy(l) ? r : l;
    }
    return l;
  }

  private Object not() {
    if (word("not")) {
      return !truthy(not());
    }
    return comparison();
  }

  private Object comparison() {
    Object l = primary();
    Object result = null;
    boolean chained = false;
    while (true) {
      ws();
      String op;
      if (src.startsWith("==", pos)) {
        op = "==";
      } else if (src.startsWith("!=", pos)) {
        op = "!=";
      } else if (peekWord("is")) {
        op = "is";
      } else if (peekWord("in")) {
        op = "in";
      } else {
        return chained ? result : l;
      }
      pos += op.length();
      boolean negate = false;
      if (op.equals("is") && word("not")) {
        negate = true;
      }
      Object r = primary();
      boolean v = switch (op) {
        case "==" -> equal.test(l, r);
        case "!=" -> !equal.test(l, r);
        case "is" -> Objects.equals(l, r) != negate;
        default -> r instanceof Map<?, ?> m ? m.containsKey(l) : r instanceof List<?> li ? li.contains(l)
            : r instanceof String s && l instanceof String ls && s.contains(ls);
      };
      result = chained ? (Boolean) result && v : v;
      chained = true;
      l = r;
    }
  }

  private Object primary() {
    Object v = atom();
    while (true) {
      ws();
      if (peek('[')) {
        pos++;
        Object key = or();
        expect(']');
        v = index(v, key);
      } else if (peek('.')) {
        pos++;
        String name = ident();
        if (peek('(')) {
          pos++;
          List<Object> args = args();
          v = method(v, name, args);
        } else {
          v = index(v, name);
        }
      } else {
        return v;
      }
    }
  }

  private Object method(Object target, String name, List<Object> args) {
    if (target instanceof Map<?, ?> m) {
      if (name.equals("get")) {
        return m.containsKey(args.get(0)) ? m.get(args.get(0)) : args.size() > 1 ? args.get(1) : null;
      }
      if (name.equals("has_key")) {
        return m.containsKey(args.get(0));
      }
      if (name.equals("keys")) {
        return new ArrayList<>(m.keySet());
      }
    }
    if (target instanceof String s && name.equals("startswith")) {
      return s.startsWith((String) args.get(0));
    }
    throw new Unsupported("method " + name);
  }

  private static Object index(Object v, Object key) {
    if (v instanceof Map<?, ?> m) {
      if (!m.containsKey(key)) {
        throw new KeyMissing(String.valueOf(key));
      }
      return m.get(key);
    }
    if (v instanceof List<?> l && key instanceof Long i) {
      int idx = (int) (i < 0 ? l.size() + i : i);
      if (idx < 0 || idx >= l.size()) {
        throw new KeyMissing("index " + i);
      }
      return l.get(idx);
    }
    if (v instanceof String s && key instanceof Long i) {
      int idx = (int) (i < 0 ? s.length() + i : i);
      return String.valueOf(s.charAt(idx));
    }
    throw new KeyMissing("cannot index " + (v == null ? "None" : v.getClass().getSimpleName()) + " by " + key);
  }

  private List<Object> args() {
    return items(')');
  }

  /** Comma-separated expressions up to {@code close}, the opening bracket already read. */
  private List<Object> items(char close) {
    List<Object> out = new ArrayList<>();
    ws();
    if (peek(close)) {
      pos++;
      return out;
    }
    while (true) {
      out.add(or());
      ws();
      if (peek(',')) {
        pos++;
        continue;
      }
      expect(close);
      return out;
    }
  }

  private Object atom() {
    ws();
    if (pos >= src.length()) {
      throw new Unsupported("unexpected end");
    }
    char c = src.charAt(pos);
    if (c == '(') {
      pos++;
      List<Object> items = new ArrayList<>();
      boolean tuple = false;
      ws();
      if (peek(')')) {
        pos++;
        return items;
      }
      while (true) {
        items.add(or());
        ws();
        if (peek(',')) {
          pos++;
          tuple = true;
          ws();
          if (peek(')')) {
            pos++;
            return items;
          }
          continue;
        }
        expect(')');
        return tuple ? items : items.getFirst();
      }
    }
    if (c == '[') {
      pos++;
      return items(']');
    }
    if (c == '{') {
      pos++;
      Map<Object, Object> m = new LinkedHashMap<>();
      ws();
      if (peek('}')) {
        pos++;
        return m;
      }
      while (true) {
        Object k = or();
        expect(':');
        m.put(k, or());
        ws();
        if (peek(',')) {
          pos++;
          ws();
          if (peek('}')) {
            pos++;
            return m;
          }
          continue;
        }
        expect('}');
        return m;
      }
    }
    if (c == '-' || Character.isDigit(c)) {
      int start = pos++;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      String n = src.substring(start, pos);
      if (pos < src.length() && (src.charAt(pos) == 'L' || src.charAt(pos) == 'l')) {
        pos++;
      }
      return n.contains(".") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
    }
    if ((c == 'u' || c == 'b' || c == 'r' || c == 'U') && pos + 1 < src.length()
        && (src.charAt(pos + 1) == '\'' || src.charAt(pos + 1) == '"')) {
      pos++;
      return string(c == 'r');
    }
    if (c == '\'' || c == '"') {
      return concat(string(false));
    }
    String id = ident();
    return switch (id) {
      case "None" -> null;
      case "True" -> true;
      case "False" -> false;
      case "len" -> {
        expect('(');
        Object a = args().getFirst();
        yield (long) (a instanceof String s ? s.length() : a instanceof List<?> l ? l.size()
            : a instanceof Map<?, ?> m ? m.size() : 0);
      }
      case "ord" -> {
        expect('(');
        Object a = args().getFirst();
        yield (long) ((String) a).codePointAt(0);
      }
      default -> {
        if (!names.containsKey(id)) {
          throw new Unsupported("name " + id);
        }
        yield names.get(id);
      }
    };
  }

  private Object concat(String first) {
    StringBuilder sb = new StringBuilder(first);
    while (true) {
      int save = pos;
      ws();
      if (peek('+')) {
        pos++;
        ws();
        char c = pos < src.length() ? src.charAt(pos) : 0;
        if (c == 'u' && pos + 1 < src.length()) {
          pos++;
          c = src.charAt(pos);
        }
        if (c == '\'' || c == '"') {
          sb.append(string(false));
          continue;
        }
      }
      pos = save;
      return sb.toString();
    }
  }

  private String string(boolean raw) {
    char q = src.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (pos < src.length() && src.charAt(pos) != q) {
      char c = src.charAt(pos++);
      if (c == '\\' && !raw && pos < src.length()) {
        char e = src.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'x' -> {
            sb.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
            pos += 2;
          }
          case 'u' -> {
            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
            pos += 4;
          }
          case 'U' -> {
            sb.appendCodePoint(Integer.parseInt(src.substring(pos, pos + 8), 16));
            pos += 8;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    pos++;
    return sb.toString();
  }

  private String ident() {
    ws();
    int start = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new Unsupported("unexpected '" + src.charAt(pos) + "' at " + pos);
    }
    return src.substring(start, pos);
  }

  private boolean word(String w) {
    ws();
    if (peekWord(w)) {
      pos += w.length();
      return true;
    }
    return false;
  }

  private boolean peekWord(String w) {
    return src.startsWith(w, pos) && (pos + w.length() >= src.length()
        || !Character.isLetterOrDigit(src.charAt(pos + w.length())) && src.charAt(pos + w.length()) != '_');
  }

  private boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private void expect(char c) {
    ws();
    if (!peek(c)) {
      throw new Unsupported("expected '" + c + "' at " + pos);
    }
    pos++;
  }

  private void ws() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }
}
