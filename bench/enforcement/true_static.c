/* The smallest program: start-up benchmarks exec it. */
int main(void) {
  return 0;
}
