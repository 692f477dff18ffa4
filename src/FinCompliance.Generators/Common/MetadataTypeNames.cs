using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>
/// "Might this referenced assembly declare a type of one of these names?", read from its metadata's type-definition
/// table: every type, nested or not, its generic arity (<c>`1</c>) ignored, as <see cref="IAssemblySymbol.TypeNames"/>
/// has them. <c>TypeNames</c> builds a set of every type name of each assembly, which the compile itself never asks for
/// (issue #6: several MB for the framework's reference assemblies); this hashes the names' UTF-8 bytes in place and
/// allocates nothing. A hash match is a "may": the caller checks the symbols.
/// </summary>
internal static class MetadataTypeNames
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>
    /// True or false when the metadata of <paramref name="reference"/> could be read; null when it could not (the
    /// caller then asks the symbols). Top-level types of <paramref name="ownNamespace"/> do not count (FinCompliance's
    /// own attributes: the symbol check would accept them anyway, after loading every type of their assembly).
    /// </summary>
    public static bool? MayDeclareAny(PortableExecutableReference reference, NameHashes names, string ownNamespace)
        => ScanModules(reference, reader => MayDeclareAnyIn(reader, names, ownNamespace), untilNot: false);

    private static unsafe bool? MayDeclareAnyIn(MetadataReader reader, NameHashes names, string ownNamespace)
    {
        var heap = reader.MetadataPointer + reader.GetHeapMetadataOffset(HeapIndex.String);
        var heapSize = reader.GetHeapSize(HeapIndex.String);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = type.Name;
            var offset = MetadataTokens.GetHeapOffset(name); // negative for a virtual (WinMD-projected) name
            if (offset < 0 || offset >= heapSize)
            {
                return null;
            }

            var hash = HashUntil(heap + offset, heap + heapSize, (byte)'`', out _);
            if (names.Contains(hash) && !(type.GetDeclaringType().IsNil && reader.StringComparer.Equals(type.Namespace, ownNamespace)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the hashes of <paramref name="names"/> that <paramref name="reference"/> uses as a
    /// type name (nested or not, arity ignored) or as a part of a namespace name; false when its metadata could not be
    /// read (the caller then trusts none of the names).
    /// </summary>
    public static bool FindNames(PortableExecutableReference reference, NameHashes names, HashSet<ulong> found)
        => ScanModules(reference, reader => FindNamesIn(reader, names, found), untilNot: true) == true;

    /// <summary>
    /// <paramref name="scan"/> of each module of <paramref name="reference"/>'s metadata, until one answers other than
    /// <paramref name="untilNot"/> (that answer), else <paramref name="untilNot"/>; null when the metadata cannot be read.
    /// </summary>
    private static bool? ScanModules(PortableExecutableReference reference, Func<MetadataReader, bool?> scan, bool untilNot)
    {
        try
        {
            switch (reference.GetMetadata())
            {
                case AssemblyMetadata assembly:
                    foreach (var module in assembly.GetModules())
                    {
                        if (scan(module.GetMetadataReader()) is var answer && answer != untilNot)
                        {
                            return answer;
                        }
                    }

                    return untilNot;
                case ModuleMetadata module:
                    return scan(module.GetMetadataReader());
                default:
                    return null;
            }
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or ObjectDisposedException)
        {
            return null;
        }
    }

    private static unsafe bool FindNamesIn(MetadataReader reader, NameHashes names, HashSet<ulong> found)
    {
        var heap = reader.MetadataPointer + reader.GetHeapMetadataOffset(HeapIndex.String);
        var heapSize = reader.GetHeapSize(HeapIndex.String);
        var namespacesSeen = new HashSet<int>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var nameOffset = MetadataTokens.GetHeapOffset(type.Name);
            var namespaceOffset = MetadataTokens.GetHeapOffset(type.Namespace);
            if (nameOffset < 0 || nameOffset >= heapSize || namespaceOffset < 0 || namespaceOffset >= heapSize)
            {
                return false; // a virtual (WinMD-projected) name
            }

            var hash = HashUntil(heap + nameOffset, heap + heapSize, (byte)'`', out _);
            if (names.Contains(hash))
            {
                found.Add(hash);
            }

            // Each part of the namespace, once per namespace.
            if (namespacesSeen.Add(namespaceOffset))
            {
                for (var at = heap + namespaceOffset; ; at++)
                {
                    var part = HashUntil(at, heap + heapSize, (byte)'.', out at);
                    if (part != OffsetBasis && names.Contains(part))
                    {
                        found.Add(part);
                    }

                    if (at >= heap + heapSize || *at == 0)
                    {
                        break;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>The hash of the UTF-8 bytes from <paramref name="at"/> to the first <paramref name="stop"/>, zero or <paramref name="end"/>, where <paramref name="next"/> is left.</summary>
    private static unsafe ulong HashUntil(byte* at, byte* end, byte stop, out byte* next)
    {
        var hash = OffsetBasis;
        for (; at < end && *at != 0 && *at != stop; at++)
        {
            hash = (hash ^ *at) * Prime;
        }

        next = at;
        return hash;
    }

    /// <summary>The hash of a name, as <see cref="NameHashes"/> keeps it.</summary>
    public static ulong Hash(string name)
    {
        var hash = OffsetBasis;
        foreach (var octet in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ octet) * Prime;
        }

        return hash;
    }

    /// <summary>The hashes of a set of type names, as <see cref="MayDeclareAny"/> compares them.</summary>
    public sealed class NameHashes
    {
        private readonly ulong[] sorted;

        public NameHashes(IEnumerable<string> names)
        {
            var hashes = new List<ulong>();
            foreach (var name in names)
            {
                hashes.Add(Hash(name));
            }

            hashes.Sort();
            sorted = hashes.ToArray();
        }

        public bool Contains(ulong hash)
        {
            int low = 0, high = sorted.Length - 1;
            while (low <= high)
            {
                var middle = (low + high) >> 1;
                if (sorted[middle] == hash)
                {
                    return true;
                }

                if (sorted[middle] < hash)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return false;
        }
    }
}
