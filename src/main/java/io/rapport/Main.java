package io.rapport;
public class Main { public static void main(String[] a) {} }
